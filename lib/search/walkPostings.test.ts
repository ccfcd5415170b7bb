import { describe, expect, it } from 'vitest';
import { MAX_CANDIDATES } from './limits';
import { queryTerms } from './queryTerms';
import { scoreText, type TermPlan } from './searchPlan';
import { SCORE_SCALE, scoreToken } from './scoreToken';
import { indexedLength } from './tokenize';
import { PostingWalk } from './walkPostings';

// The walk's own rules, worked by hand on rows fed to it directly: where it stops, what it
// counts, and the total it estimates when it stops early.

/// A plan for `text` whose rarest token (its driver) is in `df` articles, with a given weight and ceiling.
function plan(text: string, df: number, weight: number, ceiling = 10_000): TermPlan {
  const term = queryTerms(text)[0];
  return { term, weight, ceiling, driver: { token: term.tokens[0], id: 1, df } };
}

describe('PostingWalk of one one-token term', () => {
  it('takes the first k rows as the page, and its document count as the total when nothing filters', () => {
    const dog = plan('犬', 10, 2);
    const walk = new PostingWalk([dog], dog, {}, 2);
    expect(walk.simple).toBe(true);
    expect(walk.take({ articleId: 7, score: 900 })).toBe(true);
    expect(walk.take({ articleId: 3, score: 800 })).toBe(false);
    expect(walk.needsCount()).toBe(false);
    expect(walk.found(0)).toEqual({
      top: [
        { articleId: 7, score: (2 * 900) / SCORE_SCALE, driverScore: 900 },
        { articleId: 3, score: (2 * 800) / SCORE_SCALE, driverScore: 800 },
      ],
      total: 10,
      exact: true,
    });
  });

  it('estimates the total of a filtered early stop from the share of matches among the postings walked', () => {
    const dog = plan('犬', 30, 1);
    const walk = new PostingWalk([dog], dog, { kinds: ['law'] }, 3);
    // Rows that pass the filter: one at 900, two at 800 (the walk stops at the third, k = 3).
    expect([900, 800, 800].map((score, i) => walk.take({ articleId: i + 1, score }))).toEqual([true, true, false]);
    expect(walk.needsCount()).toBe(true);
    expect(walk.lastScore).toBe(800);
    // 5 postings score above 800, 2 were read at 800: 3 matches in 7 postings, of 30 → 13.
    expect(walk.found(5)).toMatchObject({ total: 13, exact: false });
    // Never fewer than the matches already seen.
    expect(walk.found(1000)).toMatchObject({ total: 3, exact: false });
  });

  it('counts every row when the list ends before the page is full', () => {
    const dog = plan('犬', 30, 1);
    const walk = new PostingWalk([dog], dog, { kinds: ['law'] }, 5);
    for (const [i, score] of [900, 800].entries()) expect(walk.take({ articleId: i + 1, score })).toBe(true);
    expect(walk.needsCount()).toBe(false);
    expect(walk.found(0)).toMatchObject({ total: 2, exact: true });
  });
});

describe('PostingWalk of several terms', () => {
  const text = '养犬人应当办理登记，登记后领取犬牌。';
  const length = indexedLength(text);

  /// Two terms: 登记 walked (its stored score in this text is the row's score), 犬牌 bounded by
  /// its ceiling, set to exactly what it scores in the text.
  function walkOf(k: number) {
    const register = plan('登记', 50, 1.5);
    const tag = plan('犬牌', 80, 0.5, scoreToken(1, length));
    return { walk: new PostingWalk([register, tag], register, {}, k), plans: [register, tag], register, score: scoreToken(2, length) };
  }

  it('stops at the first row whose bound cannot beat the k-th best, a bound that only ties it included', () => {
    const { walk, plans, register, score } = walkOf(1);
    expect(walk.simple).toBe(false);
    expect(walk.take({ articleId: 1, score, text })).toBe(true);
    // Article 2 could at best tie article 1 (same text), and would rank after it on the id.
    expect(walk.take({ articleId: 2, score, text })).toBe(false);
    expect(walk.found(0).top).toEqual([{ articleId: 1, ...scoreText(text, plans, register)! }]);
    expect(walk.found(0).top[0].score).toBe((1.5 * score + 0.5 * scoreToken(1, length)) / SCORE_SCALE);
  });

  it('goes on while a row could still beat the page, and counts only the rows that match', () => {
    const { walk, score } = walkOf(1);
    expect(walk.take({ articleId: 1, score: score - 1, text })).toBe(true);
    expect(walk.take({ articleId: 2, score: score + 3, text: '登记。' })).toBe(true);
    expect(walk.take({ articleId: 3, score: score + 5, text })).toBe(true);
    expect(walk.found(0)).toMatchObject({ total: 2, exact: true });
    expect(walk.found(0).top.map((c) => c.articleId)).toEqual([1]);
  });

  it('gives up after examining MAX_CANDIDATES rows that never fill the page, and estimates the total', () => {
    // One row in a thousand holds both words; the rest only the walked one. The page (k = 200)
    // never fills, so the bound never stops the walk: only the cap does.
    const register = plan('登记', 1_000_000, 1.5);
    const tag = plan('犬牌', 80, 0.5, scoreToken(1, length));
    const walk = new PostingWalk([register, tag], register, {}, 200);
    const score = scoreToken(2, length);
    let going = true;
    for (let i = 1; i <= MAX_CANDIDATES && going; i++) going = walk.take({ articleId: i, score, text: i % 1000 === 0 ? text : '登记。' });
    expect(going).toBe(true);
    expect(walk.take({ articleId: MAX_CANDIDATES + 1, score, text })).toBe(false);
    expect(walk.needsCount()).toBe(true);
    // 100 matches among the 100,001 postings read at the one score, of 1,000,000: about 1,000.
    expect(walk.found(0)).toMatchObject({ total: 1000, exact: false });
    expect(walk.found(0).top).toHaveLength(100);
  });
});
