// What Stryker's dry run counts as reached by each test (scripts/mutationSetup.ts, under
// `npm run mutation` only). Stryker's instrumented code counts a mutant under the test running at
// the time, or as "static" when no test is running. A static mutant is tested again with every test
// file that imports its file, in all five folders: test files that build their fixtures as they
// load or in a `beforeAll` hook (a parsed regulation, a database of bills) made 3,765 of a full
// plan's 12,064 mutants static. What a test file's own top-level code and its `beforeAll` and
// `afterAll` hooks reach only matters to that file's tests, so it is counted under each of them
// instead, and the mutant is tested with those tests (and any other test that reaches it). What
// modules run as they load stays static: with `isolate: false` a module loads once for all the
// files of a run, so all of them may depend on it.

/// Stryker's coverage object: hits per mutant id, outside tests and per test id.
export type MutantCoverage = { static: Record<string, number>; perTest: Record<string, Record<string, number>> };

/// Moves the mutants first reached outside tests since `staticBefore` was taken (the ids static
/// then) from `static` to each of `testIds`, in place: the coverage object is the one Stryker's
/// instrumented code keeps writing to. A mutant already static before stays static. With no
/// tests to credit, nothing moves (a mutant reached only by a file whose tests were all skipped
/// must not disappear from coverage).
export function creditHookCoverage(coverage: MutantCoverage, staticBefore: ReadonlySet<string>, testIds: readonly string[]): string[] {
  if (testIds.length === 0) return [];
  const moved = Object.keys(coverage.static).filter((id) => !staticBefore.has(id));
  for (const id of moved) {
    const hits = coverage.static[id];
    delete coverage.static[id];
    for (const test of testIds) {
      const perTest = (coverage.perTest[test] ??= {});
      perTest[id] = (perTest[id] ?? 0) + hits;
    }
  }
  return moved;
}
