import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '@/db/testing';
import { PostingCache } from './postingCache';
import { prepareRanking } from './prepareRanking';
import { rankPostings, type RankOptions } from './rankPostings';
import { buildRankingCorpus, randomQuestion, rankByText, seededRandom } from './testing/rankingCorpus';

describe('rankPostings', () => {
  const { db, cleanup } = freshDatabase();
  let texts: Map<number, string>;
  beforeAll(() => {
    texts = buildRankingCorpus(db, 7, 8).texts;
  });
  afterAll(cleanup);

  it('returns the exhaustive top k, however it reads the lists and completes the candidates', () => {
    const rnd = seededRandom(11);
    const pool = [...texts.values()];
    const ways: { name: string; opts: Partial<RankOptions> }[] = [
      { name: 'as configured', opts: {} },
      { name: 'one posting per read', opts: { chunk: 1 } },
      { name: 'completing by text only', opts: { chunk: 3, costs: { scan: 1e9, wordCheck: 1e9 } } },
      { name: 'completing by scans only', opts: { chunk: 2, costs: { text: 1e12 } } },
      // Every list from memory, and a budget so small that lists come and go within one walk.
      { name: 'lists kept in memory', opts: { chunk: 2, cache: new PostingCache({ maxBytes: 1e9, minPostings: 1 }) } },
      { name: 'lists evicted mid-walk', opts: { chunk: 3, costs: { text: 1e12 }, cache: new PostingCache({ maxBytes: 6 * 40, minPostings: 1 }) } },
    ];
    const seen = { pruned: 0, skipped: 0, text: 0, scan: 0, held: 0, memory: 0 };
    for (let q = 0; q < 150; q++) {
      const terms = randomQuestion(rnd, pool);
      const k = 1 + Math.floor(rnd() * 25);
      const plan = prepareRanking(db, { terms, limit: k })!;
      const matching = rankByText(texts, terms);
      const expected = matching.slice(0, k);
      if (!plan) {
        expect(expected).toEqual([]);
        continue;
      }
      for (const way of ways) {
        const found = rankPostings(plan.store, plan.terms, k, { indexed: plan.indexed, maxArticleId: plan.maxArticleId, ...way.opts });
        expect(found.top, `${way.name}: ${JSON.stringify(terms)} k=${k}`).toEqual(expected);
        // Nothing capped these walks; when one read every list through, its total is the count.
        expect(found.capped).toBe(false);
        expect(found.vanished).toEqual([]);
        if (found.exact) expect(found.total).toBe(matching.length);
        else expect(found.total).toBeGreaterThanOrEqual(expected.length);
        expect(found.stats.postingsRead).toBeLessThanOrEqual(found.stats.postings);
        expect(found.stats.listsExhausted + found.stats.listsSkipped).toBeLessThanOrEqual(plan.terms.length);
        expect(found.stats.completion.length).toBe(found.stats.stepSurvivors.length);
        if (found.stats.postingsRead < found.stats.postings) seen.pruned++;
        if (found.stats.listsSkipped > 0) seen.skipped++;
        if (found.stats.completion.includes('text')) seen.text++;
        if (found.stats.completion.some((c) => typeof c === 'number')) seen.scan++;
        if (found.stats.completion.includes('memory')) seen.memory++;
        if (plan.terms.some((t) => !t.exact)) seen.held++;
      }
    }
    // The random questions reach every part of the walk, or this test would prove little.
    expect(Object.values(seen).every((n) => n > 20)).toBe(true);
  });

  it('counts every match when it reads every list through, and estimates when it stops early', () => {
    const terms = [{ text: '法', weight: 1 }, { text: '律', weight: 1 }];
    const plan = prepareRanking(db, { terms, limit: 1 })!;
    const opts = { indexed: plan.indexed, maxArticleId: plan.maxArticleId };
    const matching = rankByText(texts, terms).length;
    expect(rankPostings(plan.store, plan.terms, 1000, opts)).toMatchObject({ total: matching, exact: true, capped: false });
    const early = rankPostings(plan.store, plan.terms, 1, opts);
    expect(early.stats.postingsRead).toBeLessThan(early.stats.postings);
    expect(early).toMatchObject({ exact: false, capped: false });
    expect(Math.abs(early.total - matching) / matching).toBeLessThan(0.2);
  });

  it('stops taking in articles at the candidate cap and says the result is not exact', () => {
    const plan = prepareRanking(db, { terms: [{ text: '法', weight: 1 }, { text: '律', weight: 1 }], limit: 5 })!;
    const opts = { indexed: plan.indexed, maxArticleId: plan.maxArticleId };
    expect(rankPostings(plan.store, plan.terms, 5, opts).capped).toBe(false);
    const capped = rankPostings(plan.store, plan.terms, 5, { ...opts, maxCandidates: 10 });
    expect(capped).toMatchObject({ exact: false, capped: true });
    expect(capped.stats.candidates).toBe(10);
    expect(capped.top).toHaveLength(5);
  });

  it('stops reading at the posting budget and says the result is not exact', () => {
    const plan = prepareRanking(db, { terms: [{ text: '法', weight: 1 }, { text: '律', weight: 1 }], limit: 100 })!;
    const opts = { indexed: plan.indexed, maxArticleId: plan.maxArticleId };
    const whole = rankPostings(plan.store, plan.terms, 1000, opts);
    expect(whole).toMatchObject({ exact: true, capped: false });
    const budget = Math.floor(whole.stats.postingsRead / 3);
    const cut = rankPostings(plan.store, plan.terms, 1000, { ...opts, maxPostings: budget, chunk: 8 });
    expect(cut).toMatchObject({ exact: false, capped: true });
    // It may finish the run of equal scores it was in, but stops short of the whole walk.
    expect(cut.stats.postingsRead).toBeLessThan(whole.stats.postingsRead);
  });

  it('weighs scanning a list against reading the survivors one by one', () => {
    const plan = prepareRanking(db, { terms: [{ text: '法律', weight: 1 }, { text: '管理', weight: 1 }, { text: '人', weight: 0.3 }], limit: 3 })!;
    const opts = { indexed: plan.indexed, maxArticleId: plan.maxArticleId };
    const cheapText = rankPostings(plan.store, plan.terms, 3, { ...opts, costs: { scan: 1e9 } });
    const cheapScan = rankPostings(plan.store, plan.terms, 3, { ...opts, costs: { text: 1e12 } });
    expect(cheapText.stats.completion).toEqual(['text']);
    expect(cheapScan.stats.completion.length).toBeGreaterThan(0);
    expect(cheapScan.stats.completion).not.toContain('text');
    expect(cheapScan.top).toEqual(cheapText.top);
  });
});
