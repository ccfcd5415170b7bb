import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import { keptThreadsPool } from './scripts/keptThreadsPool';
import { loadFailureReporter } from './scripts/loadFailures';
import { firstFailureOrder } from './scripts/mutationSequencer';
import { markTestFileBodies } from './scripts/testBodyMarker';

const root = fileURLToPath(new URL('.', import.meta.url));

/// The tests Stryker runs against each mutant (`npm run mutation`): the unit tests of lib/ only,
/// without the browser project and its build, or only those `MUTATION_TESTS` names (comma-separated
/// globs; `npm run mutation -- --own-tests`). Same alias as vitest.config.mts.
/// Stryker reruns test files once per mutant: without isolation a rerun reuses the modules
/// already loaded (the mutant is switched on at run time, not compiled in), which cut the set-up
/// of a versioning dry run from 33.5 s to 8.2 s; every lib/ test passes this way. The setup file
/// stops fast-check at its first counterexample.
/// Under Stryker (which starts vitest itself, with its own choice of pool) the tests run in
/// keptThreadsPool: one worker thread serves many mutants' runs instead of one each, each run
/// loading the project's modules again; `MUTATION_FRESH_THREADS=1` (`npm run mutation --
/// --fresh-threads`) goes back to a new thread for every run. And the files of a mutant's run go
/// in firstFailureOrder's order: the files that killed the same file's latest mutants, the
/// mutated file's own tests, then the quickest; `MUTATION_VITEST_ORDER=1` keeps vitest's (the
/// slowest first). Each test file marks where its own top-level code starts
/// (scripts/testBodyMarker.ts), so that the dry run counts what a file's fixtures reach under that
/// file's tests instead of as static (scripts/mutationSetup.ts). A test file that fails to load is
/// given a failed test (scripts/loadFailures.ts), so the mutant that broke it counts as killed.
const underStryker = process.env.STRYKER_MUTATOR_WORKER !== undefined;
const keepThreads = underStryker && process.env.MUTATION_FRESH_THREADS !== '1';
const order = underStryker && process.env.MUTATION_VITEST_ORDER !== '1' ? firstFailureOrder() : null;

export default defineConfig({
  resolve: { alias: { '@': root.replace(/\/$/, '') } },
  plugins: [
    ...(underStryker ? [markTestFileBodies()] : []),
    {
      name: 'lawbench-kept-threads',
      configureVitest({ project }) {
        if (!keepThreads) return;
        project.config.pool = 'kept-threads';
        project.config.poolRunner = keptThreadsPool();
      },
    },
  ],
  test: {
    include: process.env.MUTATION_TESTS ? process.env.MUTATION_TESTS.split(',') : ['lib/**/*.test.ts'],
    environment: 'node',
    // Longer than vitest.config.mts's 30 s: the dry run counts which mutants each test reaches,
    // which slowed a 4.5 s property test of lib/search past 30 s on a busy machine. A mutant whose
    // run sends nothing for a minute (a synchronous loop, which no test timeout can stop) is stopped
    // by keptThreadsPool and reported as timed out; under --fresh-threads, by Stryker's timeout.
    testTimeout: 120_000,
    setupFiles: ['scripts/mutationSetup.ts'],
    globalSetup: ['db/sharedTestPostgres.ts'],
    isolate: false,
    ...(order ? { sequence: { sequencer: order.sequencer } } : {}),
    ...(underStryker ? { reporters: [loadFailureReporter(), ...(order ? [order.reporter] : [])] } : {}),
  },
});
