import fc from 'fast-check';
import { inject } from 'vitest';

// Under `npm run mutation` only (vitest.mutation.config.mts): a property that fails has found its
// mutant, so fast-check stops at the first counterexample instead of shrinking it; shrinking
// only makes the message readable, and a killed mutant's message is never read.
fc.configureGlobal({ ...fc.readConfigureGlobal(), endOnFailure: true });

// Stryker switches a mutant on in a beforeAll hook when it can be switched at run time. The
// worker thread may be one kept from an earlier mutant's run (scripts/keptThreadsPool.ts), where
// the earlier mutant is still switched on: it is switched off here, before the test file and the
// modules it imports load.
if (inject('mode') === 'mutant' && inject('mutantActivation') === 'runtime') {
  const ns = (globalThis as Record<string, unknown>)[inject('globalNamespace')] as { activeMutant?: string } | undefined;
  if (ns) ns.activeMutant = undefined;
}

declare module 'vitest' {
  export interface ProvidedContext {
    globalNamespace: string;
    mode: 'dry-run' | 'mutant';
    mutantActivation: 'static' | 'runtime';
  }
}
