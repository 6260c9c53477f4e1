import { defineConfig } from 'vitest/config';

export default defineConfig({
  // JSX settings come from tsconfig.json (jsxImportSource: preact).
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    // More workers than the 2 cores CI has: the suites mostly wait on databases,
    // child servers and sockets. A full run on 2 cores took 279 s with 2 workers
    // (the default) and 156 s with 3 (2026-12-02, quiet machine).
    maxWorkers: 3,
    setupFiles: ['test/setup/teardown-safe-frames.ts'],
    // The storage suite opens real databases; give slow shared machines room.
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
