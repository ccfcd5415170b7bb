import type { Plugin } from 'vite';

// Under Stryker only (vitest.mutation.config.mts): the moment a test file's own top-level code
// starts, after every module it imports has loaded. Stryker's dry run counts a mutant reached with
// no test running as "static", and tests a static mutant again with every test file that imports
// its file; a fixture a test file builds at its top level (a parsed regulation, a database of
// bills) made thousands of mutants static. With this mark, scripts/mutationSetup.ts tells the
// code modules run while loading (static, as Stryker has it) from the code a test file runs for
// its own tests (counted under those tests, scripts/hookCoverage.ts).

/// The global function a test file calls as its top-level code starts; set by
/// scripts/mutationSetup.ts, absent (and the call a no-op) elsewhere.
export const testFileBodyHook = '__lawbenchTestFileBodyStarts';

/// Whether a module is one of the project's test files.
export function isTestFile(id: string): boolean {
  return /\.test\.tsx?$/.test(id.split('?')[0]) && !id.includes('/node_modules/');
}

/// A Vite plugin that puts the call at the start of every test file. Vite's module runner runs a
/// module's imports before its first statement, wherever they are written, so the call runs after
/// they have loaded. It goes on the first line, before the file's own text, so no line moves.
export function markTestFileBodies(): Plugin {
  return {
    name: 'lawbench-test-file-body',
    transform(code, id) {
      if (!isTestFile(id)) return null;
      return { code: `globalThis.${testFileBodyHook}?.();${code}`, map: null };
    },
  };
}
