import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { lowestUsefulScore } from './lowestUsefulScore';
import { termPoints, type RankedTerm } from './planRankedTerms';

/// A term worth `factor` points per unit of stored score, scoring at most `ceiling`, whose driver
/// list starts at `maxScore`.
function term(factor: number, ceiling: number, maxScore = ceiling): RankedTerm {
  return {
    term: { text: '养犬', tokens: ['养犬'], single: true, startsWithWord: false, endsWithWord: false },
    weight: 1,
    idf: 1,
    factor,
    driver: { token: '养犬', id: 1, df: 10, maxScore },
    ceiling,
    exact: true,
    instr: null,
  };
}

describe('lowestUsefulScore (worked by hand)', () => {
  const t = term(10, 100, 120);

  it('reads the whole list when even its lowest score, with the rest, reaches θ', () => {
    expect(lowestUsefulScore(t, 0, 10)).toBe(1); // 0 + 10·1 = 10 ≥ 10
    expect(lowestUsefulScore(t, 495, 500)).toBe(1);
  });

  it('reads none of it when even its ceiling, with the rest, stays below θ', () => {
    expect(lowestUsefulScore(t, 0, 1001)).toBe(121); // 10·100 = 1000 < 1001: past the driver's 120
    expect(lowestUsefulScore(t, 1, 1002)).toBe(121);
  });

  it('otherwise stops at the lowest score that can still reach θ', () => {
    expect(lowestUsefulScore(t, 0, 500)).toBe(50); // 10·50 = 500
    expect(lowestUsefulScore(t, 0, 501)).toBe(51); // 10·50 = 500 is one short
    expect(lowestUsefulScore(t, 200, 500)).toBe(30); // 200 + 10·30 = 500
    expect(lowestUsefulScore(t, 0, 11)).toBe(2); // 10 < 11 ≤ 20
    expect(lowestUsefulScore(t, 0, 1000)).toBe(100); // exactly the ceiling
  });

  it('follows the rounding of points: 0.3 a unit gives 1 point up to 4 and 2 points from 5', () => {
    const small = term(0.3, 10);
    expect([1, 4, 5].map((s) => termPoints(small, s))).toEqual([1, 1, 2]);
    expect(lowestUsefulScore(small, 0, 2)).toBe(5);
    expect(lowestUsefulScore(small, 1, 2)).toBe(1);
  });
});

describe('lowestUsefulScore (property)', () => {
  test.prop([fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 6000 })], {
    seed: 0x18_1205,
    numRuns: 300,
  })('is the least score from which an article can reach θ: every posting it skips is below, and the one it stops at is not', (millis, ceiling, extra, rest, theta) => {
    const t = term(millis / 1000, ceiling, ceiling + extra);
    const from = lowestUsefulScore(t, rest, theta);
    const reaches = (s: number) => rest + termPoints(t, s) >= theta;
    if (!reaches(ceiling)) {
      expect(from).toBe(ceiling + extra + 1);
      return;
    }
    expect(from).toBeGreaterThanOrEqual(1);
    expect(from).toBeLessThanOrEqual(ceiling);
    expect(reaches(from)).toBe(true);
    if (from > 1) expect(reaches(from - 1)).toBe(false);
  });
});
