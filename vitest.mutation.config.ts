/**
 * The suites Stryker runs against each mutant of the critical core: the unit and
 * storage suites of shared rules, server push and the tablet's outbox and sealing.
 * Screen tests, browser journeys, fault drills and benchmarks stay out: each is
 * seconds to minutes per run, and Stryker runs the covering tests once per mutant.
 *
 * The base config is spread rather than merged: mergeConfig concatenates arrays,
 * so its `include` would add every suite back.
 */
import { defineConfig } from 'vitest/config';
import base from './vitest.config';

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['test/shared/**/*.test.ts', 'test/server/**/*.test.ts', 'test/app/sync/**/*.test.ts', 'test/app/db/**/*.test.ts', 'test/app/crypto/**/*.test.ts'],
  },
});
