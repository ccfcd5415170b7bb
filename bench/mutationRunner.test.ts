import { describe, expect, it } from 'vitest';
import type { MutantStatus, Report } from '../scripts/mutation';
import { compareStatuses, readStatuses, testingPhaseSeconds } from './mutationRunner';

describe('readStatuses', () => {
  it('keys each mutant by file, line and column, mutator and replacement', () => {
    const report: Report = {
      files: {
        'lib/a.ts': {
          mutants: [
            { mutatorName: 'StringLiteral', replacement: '""', status: 'Killed', location: { start: { line: 3, column: 7 } } },
            { mutatorName: 'BlockStatement', status: 'Survived', location: { start: { line: 9, column: 1 } } },
          ],
        },
      },
    };
    expect([...readStatuses(report)]).toEqual([
      ['lib/a.ts:3:7 StringLiteral → ""', 'Killed'],
      ['lib/a.ts:9:1 BlockStatement → ', 'Survived'],
    ]);
  });
});

describe('testingPhaseSeconds', () => {
  const log = (dry: string, done: string) =>
    [
      `\x1b[32m${dry} (12) INFO DryRunExecutor\x1b[39m Initial test run succeeded. Ran 226 tests in 13 seconds.`,
      'Mutation testing 50% (elapsed: ~1m)',
      `\x1b[32m${done} (12) INFO MutationTestExecutor\x1b[39m Done in 8 minutes and 54 seconds.`,
    ].join('\n');
  it('counts from the end of the dry run to the end of the last mutant, colours or not', () => {
    expect(testingPhaseSeconds(log('14:51:17', '14:59:38'))).toBe(501);
  });
  it('wraps a run past midnight', () => {
    expect(testingPhaseSeconds(log('23:59:50', '00:00:10'))).toBe(20);
  });
  it('fails on a log without the two lines, rather than timing nothing', () => {
    expect(() => testingPhaseSeconds('Stryker failed')).toThrow('no "MutationTestExecutor Done in" line');
  });
});

describe('compareStatuses', () => {
  const statuses = (...pairs: Array<[string, MutantStatus]>) => new Map(pairs);
  it('passes the same statuses, a timeout counting as a kill', () => {
    expect(compareStatuses(statuses(['a', 'Killed'], ['b', 'Survived'], ['c', 'Timeout']), statuses(['a', 'Timeout'], ['b', 'Survived'], ['c', 'Killed']))).toEqual([]);
  });
  it('names each mutant whose status differs, and one only one run has', () => {
    expect(compareStatuses(statuses(['a', 'Killed'], ['b', 'Killed']), statuses(['a', 'Survived']))).toEqual([
      "a: Killed as npm run mutation runs it, Survived Stryker's and vitest's way",
      "b: Killed as npm run mutation runs it, missing Stryker's and vitest's way",
    ]);
  });
  it('fails a run that tested no mutant', () => {
    expect(compareStatuses(statuses(['a', 'CompileError']), statuses(['a', 'CompileError']))).toEqual(['no mutant was tested: choose files that tests reach']);
  });
});
