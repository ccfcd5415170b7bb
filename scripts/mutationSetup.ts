import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, inject } from 'vitest';
import { creditHookCoverage, type MutantCoverage } from './hookCoverage';
import { testFileBodyHook } from './testBodyMarker';

// Under `npm run mutation` only (vitest.mutation.config.mts): a property that fails has found its
// mutant, so fast-check stops at the first counterexample instead of shrinking it; shrinking
// only makes the message readable, and a killed mutant's message is never read.
fc.configureGlobal({ ...fc.readConfigureGlobal(), endOnFailure: true });

const ns = (globalThis as Record<string, unknown>)[inject('globalNamespace')] as
  | { activeMutant?: string; currentTestId?: string; hitCount?: number; mutantCoverage?: MutantCoverage }
  | undefined;
// Cleared first: a kept thread may still hold the previous run's.
const bodyStarts = globalThis as unknown as Record<typeof testFileBodyHook, (() => void) | undefined>;
bodyStarts[testFileBodyHook] = undefined;
const fixturesStatic = process.env.MUTATION_FIXTURES_STATIC === '1';

// A mutant's run that stalled: its thread sent nothing for `stalledRun` ms and was stopped
// (scripts/keptThreadsPool.ts), and this is the run of one of its test files again. The mutant
// stays off, so the loop does not come back; the hit count is set past any limit, which Stryker
// reads when the run ends and reports the mutant as timed out (its reason reads "Hit limit
// reached"); and every test fails, saying why, should Stryker have set no limit.
const stalledRun = inject('stalledRun');
if (inject('mode') === 'mutant' && stalledRun && ns) {
  ns.activeMutant = undefined;
  beforeAll(() => {
    ns.hitCount = Number.MAX_SAFE_INTEGER;
  });
  beforeEach(() => {
    throw new Error(`the mutant's run sent nothing for ${stalledRun / 1000} s, stuck in a loop, and was stopped (scripts/keptThreadsPool.ts)`);
  });
}

// A mutant run. Stryker switches a mutant on in a beforeAll hook when it can be switched at run
// time. The worker thread may be one kept from an earlier mutant's run (scripts/keptThreadsPool.ts),
// where the earlier mutant is still switched on: it is switched off here, before the test file and
// the modules it imports load. It is switched on as the test file's own top-level code starts
// (scripts/testBodyMarker.ts): the dry run counts what that code reaches under the file's tests
// (below), so it must run with the mutant on, as those tests will.
if (inject('mode') === 'mutant' && inject('mutantActivation') === 'runtime' && ns && !stalledRun) {
  ns.activeMutant = undefined;
  if (!fixturesStatic) {
    bodyStarts[testFileBodyHook] = () => {
      ns.hitCount = 0;
      ns.activeMutant = inject('activeMutant');
    };
  }
}

// The dry run. What the test file's own top-level code and its beforeAll and afterAll hooks reach
// is counted under each of its tests rather than as static (scripts/hookCoverage.ts); what the
// modules it imports reach while they load stays static. The snapshot is taken as the file's own
// code starts; the file's tests are named as Stryker's beforeEach (set up before this one) names
// them; the move happens after the file's last afterAll and before Stryker's, which hands the
// coverage on. `MUTATION_FIXTURES_STATIC=1` leaves all of it static, as Stryker counts it.
if (inject('mode') === 'dry-run' && ns && !fixturesStatic) {
  let staticBefore: ReadonlySet<string> | undefined;
  const testIds = new Set<string>();
  bodyStarts[testFileBodyHook] = () => {
    staticBefore = new Set(Object.keys(ns.mutantCoverage?.static ?? {}));
  };
  beforeEach(() => {
    if (ns.currentTestId) testIds.add(ns.currentTestId);
  });
  afterAll(() => {
    // No mark (a file the plugin did not reach): nothing is moved.
    if (ns.mutantCoverage && staticBefore) creditHookCoverage(ns.mutantCoverage, staticBefore, [...testIds]);
  });
}

declare module 'vitest' {
  export interface ProvidedContext {
    globalNamespace: string;
    mode: 'dry-run' | 'mutant';
    mutantActivation: 'static' | 'runtime';
    activeMutant: string;
    /// Set only by keptThreadsPool, on the run it starts again after a run stalled: how long the
    /// stalled run sent nothing (ms).
    stalledRun?: number;
  }
}
