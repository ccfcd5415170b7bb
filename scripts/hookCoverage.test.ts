import { describe, expect, it } from 'vitest';
import { creditHookCoverage, type MutantCoverage } from './hookCoverage';

describe('creditHookCoverage', () => {
  it('moves the mutants first reached in the hooks to each of the file’s tests, and keeps the earlier static ones static', () => {
    const coverage: MutantCoverage = {
      static: { '1': 1, '7': 3, '9': 2 },
      perTest: { 'a.test.ts#one': { '4': 1 }, 'other.test.ts#x': { '7': 1 } },
    };
    const moved = creditHookCoverage(coverage, new Set(['1']), ['a.test.ts#one', 'a.test.ts#two']);
    expect(moved).toEqual(['7', '9']);
    expect(coverage).toStrictEqual({
      static: { '1': 1 },
      perTest: {
        'a.test.ts#one': { '4': 1, '7': 3, '9': 2 },
        'a.test.ts#two': { '7': 3, '9': 2 },
        'other.test.ts#x': { '7': 1 },
      },
    });
  });

  it('changes the object it is given, which the instrumented code keeps writing to', () => {
    const staticHits: Record<string, number> = { '5': 1 };
    const coverage: MutantCoverage = { static: staticHits, perTest: {} };
    creditHookCoverage(coverage, new Set(), ['f.test.ts#t']);
    expect(coverage.static).toBe(staticHits);
    expect(staticHits).toStrictEqual({});
    expect(coverage.perTest['f.test.ts#t']).toStrictEqual({ '5': 1 });
  });

  it('adds the hooks’ hits to what a test reached itself', () => {
    const coverage: MutantCoverage = { static: { '3': 2 }, perTest: { 'f.test.ts#t': { '3': 5 } } };
    creditHookCoverage(coverage, new Set(), ['f.test.ts#t']);
    expect(coverage.perTest['f.test.ts#t']).toStrictEqual({ '3': 7 });
  });

  it('moves nothing when the file ran no test, so no mutant drops out of coverage', () => {
    const coverage: MutantCoverage = { static: { '2': 1 }, perTest: {} };
    expect(creditHookCoverage(coverage, new Set(), [])).toEqual([]);
    expect(coverage).toStrictEqual({ static: { '2': 1 }, perTest: {} });
  });
});
