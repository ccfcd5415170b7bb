import path from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// The order of the test files in a mutant's run (vitest.mutation.config.mts, under Stryker only).
// Stryker stops a mutant's run at its first failing test (bail), so the run is shortest when the
// file most likely to fail comes first and slow files come last. Vitest's own order is the
// opposite: the files that took longest last time first. Which test fails first does not change a
// mutant's status, only how soon it is known. Stryker tests the mutants of one file one after
// another, and neighbours tend to fall to the same test: so the test files that killed this file's
// latest mutants go first of all (KillHistory).

/// One test file: its path and how long it took when last run (undefined: not run yet).
export type TestFileTiming = { file: string; durationMs: number | undefined };

/// Whether `testFile` is the mutated file's own test file: `x.ts` → `x.test.ts`,
/// `x.property.test.ts`, `x.walk.test.ts`, in any folder.
export function testsOwnFile(testFile: string, mutated: readonly string[]): boolean {
  const base = path.basename(testFile);
  return mutated.some((m) => base.startsWith(`${path.basename(m).replace(/\.tsx?$/, '')}.`));
}

/// The test files that failed in the latest runs for each mutated file, the latest first.
export class KillHistory {
  private readonly killers = new Map<string, string[]>();
  constructor(private readonly keep = 5) {}

  /// A run for a mutant of `mutated` ended with a failing test in each of `failedFiles`.
  record(mutated: readonly string[], failedFiles: readonly string[]): void {
    for (const file of mutated) {
      const known = this.killers.get(file) ?? [];
      this.killers.set(file, [...failedFiles, ...known.filter((k) => !failedFiles.includes(k))].slice(0, this.keep));
    }
  }

  /// The test files that killed mutants of `mutated` lately, the latest first.
  killersOf(mutated: readonly string[]): string[] {
    return [...new Set(mutated.flatMap((file) => this.killers.get(file) ?? []))];
  }
}

/// The test files that killed the latest mutants of the mutated files first (latest first), then
/// the mutated files' own test files, then the rest, quickest first (files not run yet after those
/// that were, as their time is unknown), then by path so the order is stable.
export function orderForFirstFailure<T extends TestFileTiming>(files: readonly T[], mutated: readonly string[], killers: readonly string[] = []): T[] {
  const rank = (f: T) => {
    const killed = killers.indexOf(f.file);
    return killed >= 0 ? killed : killers.length + (testsOwnFile(f.file, mutated) ? 0 : 1);
  };
  return [...files].sort((a, b) => rank(a) - rank(b) || (a.durationMs ?? Infinity) - (b.durationMs ?? Infinity) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/// The vitest sequencer and a reporter sharing one KillHistory (vitest.mutation.config.mts): the
/// sequencer reads the mutated file from `related` (which Stryker sets for each run) and the last
/// durations from vitest's results cache; the reporter records the files of a run's failing tests.
export function firstFailureOrder(history = new KillHistory()): { sequencer: typeof BaseSequencer; reporter: Reporter } {
  class MutationSequencer extends BaseSequencer {
    override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
      const { root, related = [] } = this.ctx.config;
      const timed = files.map((spec) => {
        const result = this.ctx.cache.getFileTestResults(`${spec.project.name}:${path.relative(root, spec.moduleId)}`);
        return { spec, file: spec.moduleId, durationMs: result?.duration };
      });
      return orderForFirstFailure(timed, related, history.killersOf(related)).map((t) => t.spec);
    }
  }
  const reporter: Reporter = {
    onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
      const failed = testModules.filter((m) => m.state() === 'failed');
      if (failed.length) history.record(failed[0].project.vitest.config.related ?? [], failed.map((m) => m.moduleId));
    },
  };
  return { sequencer: MutationSequencer, reporter };
}
