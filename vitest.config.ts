import { defineConfig } from 'vitest/config';

export default defineConfig({
  // JSX settings come from tsconfig.json (jsxImportSource: preact).
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    setupFiles: ['test/setup/teardown-safe-frames.ts'],
    // The storage suite opens real databases; give slow shared machines room.
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
