import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '@/db/testing';
import { indexVersion } from './indexVersion';
import { prepareRanking } from './prepareRanking';
import { queryTerms } from './queryTerms';
import { rankArticles } from './rankArticles';
import { rankPostings } from './rankPostings';
import { searchArticles } from './searchArticles';
import { planTerms } from './searchPlan';
import { scoreToken } from './scoreToken';
import { lookupToken, searchStore } from './searchStore';
import { addRegulationVersion } from './testing/library';
import { walkPostings } from './walkPostings';

/// BM25 worked by hand on three articles and two terms, 犬 and 猫 (one index token each). The
/// articles are padded with 甲 to indexable lengths that make the length norm round:
///
///   A = 犬猫 + 38 × 甲   (length  40: 犬 ×1, 猫 ×1)
///   B = 犬犬猫 + 117 × 甲 (length 120: 犬 ×2, 猫 ×1)
///   C = 犬 + 79 × 甲     (length  80: 犬 ×1)
///
/// Stored score (scoreToken) = round(10000 · tf · (k1 + 1) / (tf + k1 · (1 − b + b · len / 120))),
/// k1 = 1.2, b = 0.75, so the norm k1 · (0.25 + 0.75 · len / 120) is 0.6 at 40, 0.9 at 80, 1.2 at 120:
///
///   A 犬: 22000 / (1 + 0.6) = 13750      A 猫: 13750
///   B 犬: 44000 / (2 + 1.2) = 13750      B 猫: 22000 / (1 + 1.2) = 10000
///   C 犬: 22000 / (1 + 0.9) = 11578.947… → 11579
///
/// idf = ln(1 + (N − df + 0.5) / (df + 0.5)) with N = 3:
///
///   犬 (df 3): ln(1 + 0.5 / 3.5) = ln(8/7) = 0.133531392624523
///   猫 (df 2): ln(1 + 1.5 / 2.5) = ln(1.6) = 0.470003629245736

const A = `犬猫${'甲'.repeat(38)}`;
const B = `犬犬猫${'甲'.repeat(117)}`;
const C = `犬${'甲'.repeat(79)}`;
const IDF_DOG = Math.log(8 / 7);
const IDF_CAT = Math.log(1.6);

describe('BM25 scores worked by hand', () => {
  const { db, cleanup } = freshDatabase();
  let ids: number[];
  beforeAll(() => {
    const added = addRegulationVersion(db, { id: 'pets', title: '宠物规定', articles: [A, B, C] });
    indexVersion(db, added.versionId);
    ids = added.articleIds;
  });
  afterAll(cleanup);

  it('has the idf values of the comment', () => {
    expect(IDF_DOG).toBeCloseTo(0.133531392624523, 12);
    expect(IDF_CAT).toBeCloseTo(0.470003629245736, 12);
  });

  // searchArticles (AND): score = Σ idf · stored / 10000, reported to 4 decimals.
  //   A: 0.133531392624523 · 1.375 + 0.470003629245736 · 1.375 = 0.603535021870259 · 1.375 = 0.829860655071606
  //   B: 0.133531392624523 · 1.375 + 0.470003629245736 · 1.000 = 0.183605664858719 + 0.470003629245736 = 0.653609294104455
  //   C holds no 猫: not a match.
  it('scores the AND query 犬 猫: A 0.829861, B 0.653609 (C has no 猫)', () => {
    const page = searchArticles(db, { q: '犬 猫' });
    expect(page).toMatchObject({ total: 2, exact: true });
    expect(page.hits.map((h) => h.articleId)).toEqual([ids[0], ids[1]]);
    expect(page.hits[0].score).toBeCloseTo(0.8299, 6);
    expect(page.hits[1].score).toBeCloseTo(0.6536, 6);
    // Unrounded, from the walk itself.
    const store = searchStore(db);
    const plans = planTerms((token) => lookupToken(store, token), queryTerms('犬 猫'), 3)!;
    const driver = plans.find((p) => p.term.text === '猫')!;
    expect(driver.driver.df).toBe(2);
    const { top } = walkPostings(store, plans, driver, {}, 10);
    expect(top.map((t) => [t.articleId, t.driverScore])).toEqual([[ids[0], 13750], [ids[1], 10000]]);
    expect(Math.abs(top[0].score - 0.829860655071606)).toBeLessThan(1e-6);
    expect(Math.abs(top[1].score - 0.653609294104455)).toBeLessThan(1e-6);
  });

  // rankArticles (OR) with weights 犬 1 and 猫 0.5: points (millionths) per term =
  // max(1, round(weight · idf · 100 · stored)), summed.
  //   犬 at 13750: 0.133531392624523 · 100 · 13750       = 183605.66 → 183606
  //   犬 at 11579: 0.133531392624523 · 100 · 11579       = 154615.9995 → 154616
  //   猫 at 13750: 0.5 · 0.470003629245736 · 100 · 13750 = 323127.50 (…495) → 323127
  //   猫 at 10000: 0.5 · 0.470003629245736 · 100 · 10000 = 235001.81 → 235002
  //   A = 183606 + 323127 = 506733, B = 183606 + 235002 = 418608, C = 154616
  it('ranks the weighted words 犬 (1) and 猫 (0.5): A 0.506733, B 0.418608, C 0.154616', () => {
    const terms = [{ text: '犬', weight: 1 }, { text: '猫', weight: 0.5 }];
    const page = rankArticles(db, { terms });
    expect(page).toMatchObject({ total: 3, exact: true });
    expect(page.hits.map((h) => h.articleId)).toEqual(ids);
    // Reported to 4 decimals.
    expect(page.hits.map((h) => h.score)).toEqual([0.5067, 0.4186, 0.1546]);
    const plan = prepareRanking(db, { terms, limit: 3 })!;
    const found = rankPostings(plan.store, plan.terms, 3, { indexed: plan.indexed, maxArticleId: plan.maxArticleId });
    expect(found.top).toEqual([
      { articleId: ids[0], points: 506_733 },
      { articleId: ids[1], points: 418_608 },
      { articleId: ids[2], points: 154_616 },
    ]);
    found.top.forEach((t, i) => expect(Math.abs(t.points / 1e6 - [0.506733, 0.418608, 0.154616][i])).toBeLessThan(1e-6));
  });
});

describe('scoreToken', () => {
  it('gives the stored scores of the comment above, and 0 to a token that does not occur', () => {
    expect([scoreToken(1, 40), scoreToken(2, 120), scoreToken(1, 120), scoreToken(1, 80)]).toEqual([13750, 13750, 10000, 11579]);
    // An article without the token has no posting and scores nothing, however long it is.
    expect([scoreToken(0, 40), scoreToken(0, 1), scoreToken(-1, 40)]).toEqual([0, 0, 0]);
    // The smallest positive score is 1, so an occurrence is never stored as none.
    expect(scoreToken(1, 10_000_000)).toBe(1);
  });
});
