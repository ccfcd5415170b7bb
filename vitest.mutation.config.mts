import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

/// The tests Stryker runs against each mutant (`npm run mutation`): the unit tests of lib/ only,
/// without the browser project and its build, or only those `MUTATION_TESTS` names (comma-separated
/// globs; `npm run mutation -- --own-tests`). Same alias as vitest.config.mts.
/// Stryker reruns test files once per mutant: without isolation a rerun reuses the modules
/// already loaded (the mutant is switched on at run time, not compiled in), which cut the set-up
/// of a versioning dry run from 33.5 s to 8.2 s; every lib/ test passes this way. The setup file
/// stops fast-check at its first counterexample.
export default defineConfig({
  resolve: { alias: { '@': root.replace(/\/$/, '') } },
  test: {
    include: process.env.MUTATION_TESTS ? process.env.MUTATION_TESTS.split(',') : ['lib/**/*.test.ts'],
    environment: 'node',
    // Longer than vitest.config.mts's 30 s: the dry run counts which mutants each test reaches,
    // which slowed a 4.5 s property test of lib/search past 30 s on a busy machine. A mutant that
    // loops forever is still stopped by Stryker's own timeout per mutant.
    testTimeout: 120_000,
    setupFiles: ['scripts/mutationSetup.ts'],
    globalSetup: ['db/sharedTestPostgres.ts'],
    isolate: false,
  },
});
