import fc from 'fast-check';

// Under `npm run mutation` only (vitest.mutation.config.mts): a property that fails has found its
// mutant, so fast-check stops at the first counterexample instead of shrinking it; shrinking
// only makes the message readable, and a killed mutant's message is never read.
fc.configureGlobal({ ...fc.readConfigureGlobal(), endOnFailure: true });
