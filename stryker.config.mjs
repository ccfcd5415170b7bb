// Mutation testing (`npm run mutation`, see scripts/mutation.ts): Stryker plants small bugs in
// the core folders one at a time and runs the unit tests that cover each; a mutant the tests do
// not notice "survives". Not part of `npm test`. Reports go to reports/ (ignored by git).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.mts', related: true },
  // Our own TypeScript checker (scripts/strykerTypeChecker.ts): the stock one took most of a run.
  plugins: ['@stryker-mutator/vitest-runner', './scripts/strykerPlugins.mjs'],
  checkers: ['lawbench-typescript'],
  tsconfigFile: 'tsconfig.mutation.json',
  coverageAnalysis: 'perTest',
  mutate: [
    'lib/legal-text/**/*.ts',
    'lib/search/**/*.ts',
    'lib/auth/**/*.ts',
    'lib/versioning/**/*.ts',
    'lib/workflow/**/*.ts',
    '!lib/**/*.test.ts',
    '!lib/**/testing/**',
    '!lib/**/testing.ts',
    '!lib/**/index.ts',
  ],
  ignorePatterns: ['.next', 'data', 'reports', 'test-results', 'bench/out', '.stryker-tmp'],
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  // lawbench-equivalents: the mutants docs/mutation-equivalents.tsv lists are not run (scripts/strykerEquivalents.ts).
  reporters: ['lawbench-equivalents', 'html', 'json', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  concurrency: 2,
  timeoutMS: 10_000,
  // The dry run of every test of the five folders, counting which mutants each test reaches, took
  // 5.5 minutes on a quiet machine, past Stryker's default 5.
  dryRunTimeoutMinutes: 30,
  // That dry run also ran out of Node's default heap (about 4 GB): it holds every test's list of
  // the mutants it reaches, for twelve thousand mutants.
  testRunnerNodeArgs: ['--max-old-space-size=8192'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
