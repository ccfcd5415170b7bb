import { describe, expect, it } from 'vitest';
import { queryTerms } from './queryTerms';
import { inverseDocumentFrequency } from './scoreToken';
import { choosePlan, insertTop, planTerms, ranksBefore, sqlCheckableTerms, type Candidate, type TokenRow } from './searchPlan';

// The plan of a phrase search, worked by hand: which token each term walks, the bound on its
// score, the order of the page, and which way the search reads its matches.

const dictionary = (rows: Record<string, TokenRow>) => (token: string) => rows[token];

describe('planTerms', () => {
  it('walks the rarest token of each term, bounded by the lowest highest-score of its tokens', () => {
    const plans = planTerms(dictionary({ 养犬: { id: 1, df: 40, maxScore: 900 }, 犬人: { id: 2, df: 12, maxScore: 700 }, 登记: { id: 3, df: 30, maxScore: 800 } }), queryTerms('养犬人 登记'), 1000)!;
    expect(plans.map((p) => ({ text: p.term.text, driver: p.driver, ceiling: p.ceiling, weight: p.weight }))).toEqual([
      { text: '养犬人', driver: { token: '犬人', id: 2, df: 12 }, ceiling: 700, weight: inverseDocumentFrequency(12, 1000) },
      { text: '登记', driver: { token: '登记', id: 3, df: 30 }, ceiling: 800, weight: inverseDocumentFrequency(30, 1000) },
    ]);
  });

  it('keeps the first of two equally rare tokens, and the lower bound whichever comes first', () => {
    const [plan] = planTerms(dictionary({ 养犬: { id: 1, df: 12, maxScore: 600 }, 犬人: { id: 2, df: 12, maxScore: 900 } }), queryTerms('养犬人'), 1000)!;
    expect(plan.driver).toEqual({ token: '养犬', id: 1, df: 12 });
    expect(plan.ceiling).toBe(600);
  });

  it('finds nothing to plan when a token is missing or in no article', () => {
    expect(planTerms(dictionary({ 养犬: { id: 1, df: 12, maxScore: 600 } }), queryTerms('养犬人'), 1000)).toBeNull();
    expect(planTerms(dictionary({ 养犬: { id: 1, df: 12, maxScore: 600 }, 犬人: { id: 2, df: 0, maxScore: 0 } }), queryTerms('养犬人'), 1000)).toBeNull();
  });
});

describe('the order of a page', () => {
  const c = (articleId: number, score: number, driverScore: number): Candidate => ({ articleId, score, driverScore });

  it('ranks by score, then by the walked token’s stored score, then by the lower article id', () => {
    expect(ranksBefore(c(9, 2, 1), c(1, 1, 5))).toBe(true);
    expect(ranksBefore(c(1, 1, 5), c(9, 2, 1))).toBe(false);
    expect(ranksBefore(c(9, 1, 5), c(1, 1, 4))).toBe(true);
    expect(ranksBefore(c(1, 1, 4), c(9, 1, 5))).toBe(false);
    expect(ranksBefore(c(1, 1, 4), c(9, 1, 4))).toBe(true);
    expect(ranksBefore(c(9, 1, 4), c(1, 1, 4))).toBe(false);
    expect(ranksBefore(c(3, 1, 4), c(3, 1, 4))).toBe(false);
  });

  it('keeps the best k in rank order as candidates arrive in any order', () => {
    const top: Candidate[] = [];
    for (const x of [c(5, 1, 1), c(2, 3, 1), c(7, 2, 9), c(1, 2, 9), c(4, 2, 3), c(8, 0.5, 1)]) insertTop(top, x, 3);
    expect(top.map((x) => x.articleId)).toEqual([2, 1, 7]);
  });
});

describe('sqlCheckableTerms', () => {
  it('checks in SQL only the terms made of CJK characters alone', () => {
    const plans = planTerms(() => ({ id: 1, df: 1, maxScore: 1 }), queryTerms('养犬 APP 第3条 A4纸张'), 10)!;
    expect(sqlCheckableTerms(plans)).toEqual(['养犬']);
  });
});

describe('choosePlan', () => {
  // 100,000 articles, a page 20 deep, a driver in half of them: a filtered walk passes about
  // 20 × 100,000 / allowed postings, at most the 50,000 of the list; a scan costs 6 per article.
  const plan = (allowed: number, regulationIds: string[] | undefined = ['r'], driverDf = 50_000) => choosePlan({ filters: { regulationIds }, driverDf, n: 100_000, k: 20, allowed });

  it('scans the allowed articles when there are few', () => {
    expect(plan(10)).toBe('scan'); // 60 < min(50,000, 200,000)
    expect(plan(0)).toBe('scan');
  });

  it('walks checking the allowed ids when the walk is cheaper and they fit in a set', () => {
    expect(plan(1000)).toBe('walk-set'); // 6,000 ≥ 2,000
    expect(plan(20_000)).toBe('walk-set');
    expect(plan(10, ['r'], 60)).toBe('walk-set'); // 60 is not below 60
  });

  it('walks plainly when the filter keeps too many for a set, or there is no such filter', () => {
    expect(plan(20_001)).toBe('walk');
    expect(choosePlan({ filters: { kinds: ['law'] }, driverDf: 50_000, n: 100_000, k: 20, allowed: 10 })).toBe('walk');
  });
});
