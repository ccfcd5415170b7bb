import { fc, test } from '@fast-check/vitest';
import { afterAll, describe, expect } from 'vitest';
import { freshDatabase } from '@/db/testing';
import { indexVersion } from './indexVersion';
import { prepareRanking } from './prepareRanking';
import { queryTerms } from './queryTerms';
import { rankArticles } from './rankArticles';
import { rankExhaustively } from './rankExhaustively';
import { rankPostings } from './rankPostings';
import { searchArticles } from './searchArticles';
import { planTerms, ranksBefore, scoreText, type Candidate } from './searchPlan';
import { lookupToken, searchStore, statement } from './searchStore';
import { addRegulationVersion } from './testing/library';
import { rankByText } from './testing/rankingCorpus';
import { unindexVersion } from './unindexVersion';
import { walkPostings } from './walkPostings';

/// Properties of the early stops of both rankers: the first page of size k equals the first k of
/// a ranking of every matching article, on random small corpora (a few dozen short articles over
/// a six-character alphabet, so that terms collide, repeat and tie) and random multi-term queries.
/// Each generated corpus is indexed into one real SQLite database (the one before it unindexed,
/// so that document frequencies and N are the corpus's own) and queried several times.

const RUNS = { seed: 0x21_0304_03, numRuns: 200 };

const ALPHABET = Array.from('法律管理犬只');
const LATIN = [' pm2 ', ' a ', 'PM2.5'];

/// A short article: mostly alphabet characters, now and then a comma or a latin word.
const article = fc
  .array(fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...ALPHABET) }, { weight: 1, arbitrary: fc.constant('，') }, { weight: 1, arbitrary: fc.constantFrom(...LATIN) }), {
    minLength: 1,
    maxLength: 24,
  })
  .map((parts) => parts.join(''));
/// 8–30 articles and up to 10 copies of some of them: identical texts tie on every score, and
/// only the article id orders them.
const corpus = fc
  .array(article, { minLength: 8, maxLength: 30 })
  .chain((base) => fc.array(fc.nat(base.length - 1), { maxLength: 10 }).map((copies) => [...base, ...copies.map((i) => base[i])]));

/// A word of 1–3 characters: usually cut from an article (so that it occurs), else made up.
const word = (texts: string[]) =>
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc.tuple(fc.nat(texts.length - 1), fc.nat(), fc.integer({ min: 1, max: 3 })).map(([i, at, n]) => {
        const chars = Array.from(texts[i].replace(/[^\u4e00-\u9fff]/g, ''));
        const from = chars.length > n ? at % (chars.length - n + 1) : 0;
        return chars.slice(from, from + n).join('') || ALPHABET[at % ALPHABET.length];
      }),
    },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...ALPHABET, 'pm2'), { minLength: 1, maxLength: 3 }).map((w) => w.join('')) },
  );

/// An AND query of 2–3 words, all cut from one article (so that it matches at least there) and
/// mostly short (so that it matches in many).
const query = (texts: string[]) =>
  fc.tuple(fc.nat(texts.length - 1), fc.array(fc.tuple(fc.nat(), fc.constantFrom(1, 1, 2, 3)), { minLength: 2, maxLength: 3 })).map(([i, cuts]) => {
    const chars = Array.from(texts[i].replace(/[^\u4e00-\u9fff]/g, '')).concat(ALPHABET.slice(0, 1));
    return cuts.map(([at, n]) => chars.slice(at % chars.length, (at % chars.length) + n).join('')).join(' ');
  });

const weighted = (texts: string[]) => fc.record({ text: word(texts), weight: fc.constantFrom(0.3, 0.6, 1, 1, 2.5) });

/// Small pages most often: the smaller k, the earlier a walk can stop.
const pageSize = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 3 }) }, { weight: 1, arbitrary: fc.integer({ min: 4, max: 12 }) });

interface Case {
  texts: string[];
  questions: { terms: { text: string; weight: number }[]; k: number }[];
  queries: { q: string; k: number }[];
}

const cases: fc.Arbitrary<Case> = corpus.chain((texts) =>
  fc.record({
    texts: fc.constant(texts),
    questions: fc.array(fc.record({ terms: fc.array(weighted(texts), { minLength: 2, maxLength: 6 }), k: pageSize }), { minLength: 3, maxLength: 3 }),
    queries: fc.array(fc.record({ q: query(texts), k: pageSize }), { minLength: 3, maxLength: 3 }),
  }),
);

describe('the early stop of search is exact', () => {
  const { db, cleanup } = freshDatabase();
  const store = searchStore(db);
  afterAll(cleanup);
  let serial = 0;
  let indexed: string | undefined;

  /// Indexes `texts` as the only indexed version; returns them by article id.
  const index = (texts: string[]): Map<number, string> => {
    if (indexed) unindexVersion(db, indexed);
    serial++;
    // One transaction for the rows (not one commit per article): the suite has a time budget.
    const { versionId, articleIds } = db.$client.transaction(() => addRegulationVersion(db, { id: `corpus-${serial}`, title: `第${serial}号规定`, articles: texts }))();
    indexVersion(db, versionId);
    indexed = versionId;
    return new Map(articleIds.map((id, i) => [id, texts[i]]));
  };

  test.prop([cases], RUNS)('rankArticles: the first page of size k is the top k of the exhaustive ranking, ties by article id', (c) => {
    const byId = index(c.texts);
    for (const { terms, k } of c.questions) {
      const full = rankByText(byId, terms);
      const page = rankArticles(db, { terms, limit: k });
      const exhaustive = rankExhaustively(db, { terms, limit: 100 });
      // Scores are reported in units of the ranking's millionths, rounded to 4 decimals.
      expect(page.hits.map((h) => h.articleId)).toEqual(full.slice(0, k).map((e) => e.articleId));
      expect(page.hits.map((h) => h.articleId)).toEqual(exhaustive.hits.slice(0, k).map((h) => h.articleId));
      page.hits.forEach((h, i) => expect(Math.abs(h.score - exhaustive.hits[i].score)).toBeLessThan(1e-9));
      // The walk itself, reading one posting at a time (so that it stops as early as it can),
      // and completing by scans only: the same top k with the same points.
      const plan = prepareRanking(db, { terms, limit: k });
      if (!plan) {
        expect(full).toEqual([]);
        continue;
      }
      for (const opts of [{ chunk: 1 }, { chunk: 2, costs: { text: 1e12 } }]) {
        const found = rankPostings(plan.store, plan.terms, k, { indexed: plan.indexed, maxArticleId: plan.maxArticleId, ...opts });
        expect(found.top).toEqual(full.slice(0, k));
      }
    }
  });

  test.prop([cases], RUNS)('searchArticles: the first page of size k of an AND query is the top k of every match, ties by driver score then id', (c) => {
    const byId = index(c.texts);
    const n = statement<{ articles: number }>(store, 'SELECT articles FROM search_stats WHERE id = 1').get()!.articles;
    expect(n).toBe(c.texts.length);
    for (const { q, k } of c.queries) {
      const terms = queryTerms(q);
      const plans = planTerms((token) => lookupToken(store, token), terms, n);
      const page = searchArticles(db, { q, limit: k });
      if (!plans) {
        expect(page.hits).toEqual([]);
        continue;
      }
      // Every article scored from its text, sorted by the rank rule; the driver as searchArticles
      // picks it (the first term with the rarest token).
      const driver = plans.reduce((a, b) => (b.driver.df < a.driver.df ? b : a));
      const all: Candidate[] = [];
      for (const [articleId, text] of byId) {
        const scored = scoreText(text, plans, driver);
        if (scored) all.push({ articleId, ...scored });
      }
      all.sort((a, b) => (ranksBefore(a, b) ? -1 : ranksBefore(b, a) ? 1 : 0));
      const walked = walkPostings(store, plans, driver, {}, k);
      expect(walked.top.map((t) => t.articleId)).toEqual(all.slice(0, k).map((t) => t.articleId));
      walked.top.forEach((t, i) => expect(Math.abs(t.score - all[i].score)).toBeLessThan(1e-9));
      expect(page.hits.map((h) => h.articleId)).toEqual(all.slice(0, k).map((t) => t.articleId));
      page.hits.forEach((h, i) => expect(Math.abs(h.score - Math.round(all[i].score * 10_000) / 10_000)).toBeLessThan(1e-9));
      if (walked.exact) expect(walked.total).toBe(all.length);
    }
  });
});
