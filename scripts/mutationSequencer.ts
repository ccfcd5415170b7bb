import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// The order of the test files in a mutant's run (vitest.mutation.config.mts, under Stryker only).
// Stryker stops a mutant's run at its first failing test (bail), so the run is shortest when the
// file most likely to fail comes first and slow files come last. Vitest's own order is the
// opposite: the files that took longest last time first. Which test fails first does not change a
// mutant's status, only how soon it is known.

/// One test file: its path and how long it took when last run (undefined: not run yet).
export type TestFileTiming = { file: string; durationMs: number | undefined };

/// Whether `testFile` is the mutated file's own test file: `x.ts` → `x.test.ts`,
/// `x.property.test.ts`, `x.walk.test.ts`, in any folder.
export function testsOwnFile(testFile: string, mutated: readonly string[]): boolean {
  const base = path.basename(testFile);
  return mutated.some((m) => base.startsWith(`${path.basename(m).replace(/\.tsx?$/, '')}.`));
}

/// The mutated files' own test files first, then the rest, quickest first (files not run yet
/// after those that were, as their time is unknown), then by path so the order is stable.
export function orderForFirstFailure<T extends TestFileTiming>(files: readonly T[], mutated: readonly string[]): T[] {
  const rank = (f: T) => (testsOwnFile(f.file, mutated) ? 0 : 1);
  return [...files].sort((a, b) => rank(a) - rank(b) || (a.durationMs ?? Infinity) - (b.durationMs ?? Infinity) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/// The vitest sequencer: reads the mutated file from `related` (which Stryker sets for each run)
/// and the last durations from vitest's results cache.
export class MutationSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const { root, related = [] } = this.ctx.config;
    const timed = files.map((spec) => {
      const result = this.ctx.cache.getFileTestResults(`${spec.project.name}:${path.relative(root, spec.moduleId)}`);
      return { spec, file: spec.moduleId, durationMs: result?.duration };
    });
    return orderForFirstFailure(timed, related).map((t) => t.spec);
  }
}
