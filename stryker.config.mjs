// Mutation testing of the critical core (issue 15): `npm run test:mutation`.
// See README, "Mutation testing", for what runs, how long it takes and the score.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.mutation.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  mutate: [
    'src/shared/ssid.ts',
    'src/shared/validate.ts',
    'src/shared/lifecycle.ts',
    'src/shared/matching.ts',
    'src/shared/dates.ts',
    'src/shared/names.ts',
    'src/shared/name-compare.ts',
    'src/shared/protocol.ts',
    'src/server/sync/push.ts',
    'src/server/sync/apply-batch.ts',
    'src/server/sync/decide.ts',
    'src/server/sync/decide-ssid-update.ts',
    'src/server/http/authenticate.ts',
    'src/app/db/outbox.ts',
    'src/app/sync/push.ts',
    'src/app/crypto/seal.ts',
  ],
  // Module-level zod schemas and lookup tables: each such mutant needs a fresh
  // module load and every test, and they were 68% of src/shared's mutants.
  ignoreStatic: true,
  // Two cores, shared with the rest of the machine's work.
  concurrency: 2,
  // A second run re-tests only mutants whose code or covering tests changed.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['html', 'clear-text', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  thresholds: { high: 90, low: 80, break: null },
  // The storage suites open real databases: slow on a loaded machine.
  timeoutMS: 20_000,
  dryRunTimeoutMinutes: 30,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
