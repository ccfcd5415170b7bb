import type { RunnerTestFile } from 'vitest';
import type { Reporter, TestModule } from 'vitest/node';

// Under `npm run mutation` (vitest.mutation.config.mts). Stryker counts a mutant as killed when a
// test fails. A mutant that makes a test file fail to load (its imports or its own top-level code
// throw) leaves that file with no tests at all, and Stryker then counts it as surviving, though a
// developer running the tests would see them red. This reporter gives such a file one failed test
// carrying the load error, so the mutant counts as killed; in the dry run, the failed test stops
// Stryker before any mutant, as a test file that does not load should.

/// The name of the test a file that failed to load is given.
export const loadFailureTestName = 'the test file fails to load';

/// Gives each file that failed with no test run a failed test holding the file's errors; returns
/// the files given one.
export function addLoadFailureTests(files: readonly RunnerTestFile[]): RunnerTestFile[] {
  const given: RunnerTestFile[] = [];
  for (const file of files) {
    if (file.result?.state !== 'fail' || anyTestRan(file)) continue;
    const errors = file.result.errors?.length ? file.result.errors : [{ name: 'Error', message: 'the test file failed with no error given' }];
    file.tasks.push({
      type: 'test',
      id: `${file.id}_load`,
      name: loadFailureTestName,
      fullName: `${file.name} > ${loadFailureTestName}`,
      mode: 'run',
      context: undefined as never,
      file,
      suite: file,
      meta: {},
      timeout: 0,
      annotations: [],
      artifacts: [],
      tags: [],
      result: { state: 'fail', errors, duration: 0 },
    } as unknown as RunnerTestFile['tasks'][number]);
    given.push(file);
  }
  return given;
}

function anyTestRan(suite: { tasks: ReadonlyArray<{ type: string; result?: unknown; tasks?: unknown }> }): boolean {
  return suite.tasks.some((t) => (t.type === 'suite' ? anyTestRan(t as never) : t.result !== undefined));
}

/// The reporter: it runs as the run ends, before Stryker reads the run's tests.
export function loadFailureReporter(): Reporter {
  return {
    onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
      const state = testModules[0]?.project.vitest.state;
      if (state) addLoadFailureTests(state.getFiles());
    },
  };
}
