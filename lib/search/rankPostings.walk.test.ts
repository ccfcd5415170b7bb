import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '@/db/testing';
import type { RankedTerm } from './planRankedTerms';
import { PostingCache } from './postingCache';
import { queryTerms } from './queryTerms';
import { rankPostings, type RankedFound, type RankOptions } from './rankPostings';
import { scoreToken } from './scoreToken';
import { searchStore, statement, type SearchStore } from './searchStore';
import { addRegulationVersion } from './testing/library';

/// The ranked walk on posting lists written by hand: each list's stored scores are chosen, and
/// its term earns exactly its stored score in points (factor 1), so that what the walk reads,
/// keeps and completes can be worked out on paper. Articles 1–40 exist (their texts hold none of
/// the one-token words, so a text read adds 0 for them); articles above 40 have no row. Articles
/// 21 and 22 read 甲乙丙, 23 甲乙丙子丑寅 and 31 乙丙丁, for the longer words below.
///
/// Reminders of the walk (rankPostings.ts): lists are read highest ceiling first, each down to the
/// lowest score s with s + rest ≥ θ (rest = unread bounds of the lists before + ceilings of the
/// lists after; θ = k-th best points so far, 0 while fewer than k articles have points); a read
/// takes `chunk` postings, then 8× more, plus the rest of the run of equal scores it ends in; a
/// list left unread below s has the bound s − 1. A candidate survives while its points plus the
/// bounds of the lists it was not met in reach θ.

const ROWS = 40;
const TEXTS: Record<number, string> = { 21: '甲乙丙', 22: '甲乙丙', 23: '甲乙丙子丑寅', 31: '乙丙丁' };
/// The stored score of a word found once in a text of 3 characters (甲乙丙): 22000 / 1.3225.
const ONCE_IN_3 = scoreToken(1, 3);

describe('rankPostings on hand-built posting lists', () => {
  const { db, cleanup } = freshDatabase();
  let store: SearchStore;
  let serial = 0;
  beforeAll(() => {
    const { articleIds } = addRegulationVersion(db, { id: 'filler', title: '填充', articles: Array.from({ length: ROWS }, (_, i) => TEXTS[i + 1] ?? '丁戊己') });
    expect(ONCE_IN_3).toBe(16_635);
    expect(articleIds).toEqual(Array.from({ length: ROWS }, (_, i) => i + 1));
    store = searchStore(db);
  });
  afterAll(cleanup);

  /// A one-token term whose list holds `postings` ([article id, stored score]), written straight
  /// into the index under a fresh token; its points are its stored scores.
  const list = (postings: [number, number][]): RankedTerm => {
    const token = `w${++serial}`;
    const maxScore = Math.max(...postings.map(([, score]) => score));
    const { id } = statement<{ id: number }>(store, 'INSERT INTO search_tokens (token, df, max_score) VALUES (?, ?, ?) RETURNING id').get(token, postings.length, maxScore)!;
    const insert = statement(store, 'INSERT INTO search_postings (token_id, score, article_id) VALUES (?, ?, ?)');
    db.$client.transaction(() => postings.forEach(([articleId, score]) => insert.run(id, score, articleId)))();
    return {
      term: queryTerms(token)[0], weight: 1, idf: 1, factor: 1, driver: { token, id, df: postings.length, maxScore }, ceiling: maxScore, exact: true, instr: null,
    };
  };

  /// A longer word (several tokens) whose driver list holds `postings`, under a made-up token so
  /// that its texts are counted in JavaScript; it earns `factor` × its stored score. Its driver
  /// postings are held as bounds while collecting, and checked in the texts when completing.
  const word = (text: string, factor: number, postings: [number, number][]): RankedTerm => {
    const { driver } = list(postings);
    return { term: queryTerms(text)[0], weight: 1, idf: 1, factor, driver, ceiling: driver.maxScore, exact: false, instr: text };
  };

  /// `n` postings on articles from `firstId` up, the first at score `top` and each next one 1 lower.
  const descending = (n: number, firstId: number, top: number): [number, number][] => Array.from({ length: n }, (_, i) => [firstId + i, top - i]);

  /// The walk with 100 indexed articles and (unless a test says otherwise) reading texts priced
  /// out, so that survivors are completed by scans.
  const rank = (terms: RankedTerm[], k: number, opts: Partial<RankOptions> = {}): RankedFound =>
    rankPostings(store, terms, k, { indexed: 100, maxArticleId: 4000, costs: { text: 1e12 }, ...opts });

  describe('how far it reads', () => {
    it('reads 256 postings at first by default, and stops there once nothing below can reach the best', () => {
      // 300 postings at 1000, 999, … 701. The first read takes 1000…745; then θ = 1000, and only
      // a posting of 1000 could reach it: the walk stops after 256 postings.
      const found = rank([list(descending(300, 1001, 1000))], 1, { indexed: 1000 });
      expect(found.top).toEqual([{ articleId: 1001, points: 1000 }]);
      expect(found.stats).toMatchObject({ postingsRead: 256, postings: 300, listsExhausted: 0, listsSkipped: 0, candidates: 256, survivors: 0 });
      // Not read through: the total is estimated, 300 of 1000 articles for one list of 300.
      expect(found).toMatchObject({ total: 300, exact: false, capped: false });
    });

    it('counts the total exactly when the articles met fill the table to its last slot (1,024, its first size)', () => {
      // k is above the list's length, so θ stays 0 and every posting is read: the total is the
      // number of articles met, not an estimate, even with no slot to spare past the last one.
      const found = rank([list(descending(1024, 1001, 2000))], 2000, { indexed: 5000 });
      expect(found).toMatchObject({ total: 1024, exact: true, capped: false });
      expect(found.top).toHaveLength(1024);
      expect(found.stats).toMatchObject({ postingsRead: 1024, candidates: 1024 });
    });

    it('reads 2k postings at first for a page deeper than 128', () => {
      // k = 200: the first read takes 400 postings (2000…1601); θ is then the 200th best, 1801,
      // above the lowest score read.
      const found = rank([list(descending(500, 1001, 2000))], 200);
      expect(found.stats.postingsRead).toBe(400);
      expect(found.top).toHaveLength(200);
      expect(found.top[199]).toEqual({ articleId: 1200, points: 1801 });
    });

    it('reads eight times more postings in each next read of a list', () => {
      // One posting (100), then 8 (99…92): θ = 99, the second best, which no posting below 92
      // can reach.
      const found = rank([list(descending(20, 1001, 100))], 2, { chunk: 1 });
      expect(found.stats.postingsRead).toBe(9);
      expect(found.top).toEqual([{ articleId: 1001, points: 100 }, { articleId: 1002, points: 99 }]);
    });

    it('reads the rest of the run of equal scores a read ends in, and counts it', () => {
      // A read of one posting ends on article 1 at 50; articles 2–4 also score 50 and are read
      // with it: 4 postings read, and article 1 first of the tie.
      const found = rank([list([[1, 50], [2, 50], [3, 50], [4, 50], [5, 40], [6, 30]])], 1, { chunk: 1 });
      expect(found.stats.postingsRead).toBe(4);
      expect(found.stats.candidates).toBe(4);
      expect(found.top).toEqual([{ articleId: 1, points: 50 }]);
    });

    it('is not capped by a posting budget that runs out just when nothing more is needed', () => {
      // One read of one posting (100) uses the budget of 1; then θ = 100 and no posting below
      // 100 could reach it, so nothing more was wanted.
      const found = rank([list([[1, 100], [2, 60]])], 1, { chunk: 1, maxPostings: 1 });
      expect(found).toMatchObject({ top: [{ articleId: 1, points: 100 }], capped: false, exact: false });
      expect(found.stats.postingsRead).toBe(1);
    });
  });

  describe('which lists it reads, skips and completes', () => {
    it('reads the list with the higher ceiling first, whatever order the terms come in, and skips what cannot matter', () => {
      // big (ceiling 100) first: rest = 10 (small's ceiling). One posting (article 1, 100):
      // θ = 100, so only scores ≥ 90 matter, and there are none: big is left with the bound 89.
      // small: 10 + 89 < 100, skipped. Article 1 survives (100 + 10 ≥ 100); a scan of small
      // completes it.
      const small = list([[2, 10], [4, 8]]);
      const big = list([[1, 100], [2, 60]]);
      const found = rank([small, big], 1, { chunk: 1 });
      expect(found.top).toEqual([{ articleId: 1, points: 100 }]);
      expect(found.stats).toMatchObject({
        postingsRead: 1, postings: 4, listsExhausted: 0, listsSkipped: 1, candidates: 1, survivors: 1, completion: [0], stepSurvivors: [1], textsRead: 0,
      });
      // Estimated: 100 × (1 − 0.98 × 0.98) = 3.96 → 4.
      expect(found).toMatchObject({ total: 4, exact: false });
    });

    it('counts a list none of whose postings are allowed as read through, not skipped', () => {
      // Only articles 1 and 2 are allowed: the list of 3 and 4 gives nothing, and the walk has
      // read every list through, so the total is exact.
      const allowed = Buffer.alloc(4001);
      allowed[1] = 1;
      allowed[2] = 1;
      const found = rank([list([[1, 100], [2, 60]]), list([[3, 10], [4, 8]])], 3, { allowed, allowedCount: 2 });
      expect(found).toMatchObject({ top: [{ articleId: 1, points: 100 }, { articleId: 2, points: 60 }], total: 2, exact: true });
      expect(found.stats).toMatchObject({ postingsRead: 2, listsExhausted: 2, listsSkipped: 0, survivors: 0, completion: [] });
    });

    it('bounds a candidate by how deep a list was read, not by its ceiling', () => {
      // k = 2, one posting per first read. first (ceiling 100) is read through: 1 (100), 2 (30),
      // 7 (30); θ = 30. second: read from 30: 1 (80), then 2 (31), θ = 61 (2's 30 + 31); it
      // stops at 30 with the bound 29. Article 7 (30 + 29 = 59 < 61) is out without a scan;
      // with second's ceiling (80) or a bound of 31 it would have survived.
      const found = rank([list([[1, 100], [2, 30], [7, 30]]), list([[1, 80], [2, 31], [6, 20]])], 2, { chunk: 1 });
      expect(found.top).toEqual([{ articleId: 1, points: 180 }, { articleId: 2, points: 61 }]);
      expect(found.stats).toMatchObject({ postingsRead: 5, listsExhausted: 1, listsSkipped: 0, candidates: 3, survivors: 0, completion: [] });
    });

    it('completes a candidate whose bound only ties θ, so that a tie goes to the lower article id', () => {
      // θ = 100 (article 5); article 3 has 60 + small's bound 40 = 100: it survives, the scan of
      // small finds its 40, and at 100 it ranks before article 5.
      const found = rank([list([[5, 100], [3, 60]]), list([[3, 40]])], 1);
      expect(found.top).toEqual([{ articleId: 3, points: 100 }]);
      expect(found.stats).toMatchObject({ survivors: 2, completion: [1], stepSurvivors: [2] });
    });

    it('reads the rarer of two lists with the same ceiling first', () => {
      // Both ceilings 100; rarer (2 postings) is read through first, then common stops at 100
      // with the bound 99, and rarer's two articles are completed by a scan of common (term 0).
      const found = rank([list([[1, 100], [2, 90], [5, 1]]), list([[3, 100], [4, 90]])], 1, { chunk: 1 });
      expect(found.stats).toMatchObject({ postingsRead: 3, survivors: 2, completion: [0] });
      expect(found.top).toEqual([{ articleId: 1, points: 100 }]);
    });

    it('reads the first of two alike lists first', () => {
      // Same ceiling, same size: the first given is read through, the second completed by a scan.
      const found = rank([list([[1, 100], [2, 90]]), list([[3, 100], [4, 90]])], 1, { chunk: 1 });
      expect(found.stats).toMatchObject({ postingsRead: 3, survivors: 2, completion: [1] });
      expect(found.top).toEqual([{ articleId: 1, points: 100 }]);
    });

    it('of two scans worth the same, does the first term first', () => {
      // Both 40-point lists are skipped (40 + 40 < 100); article 1 misses both, and scanning
      // either costs one posting for a bound of 40.
      const found = rank([list([[1, 100]]), list([[2, 40]]), list([[3, 40]])], 1);
      expect(found.stats).toMatchObject({ survivors: 1, completion: [1, 2], stepSurvivors: [1, 1] });
    });

    it('completes only the articles it met when the posting budget cut the walk short', () => {
      // k = 20, a budget of 2: the first read (100, 99) uses it, and θ is still 0. Both are
      // known on the only list: nothing is left to complete, and no other article is made up.
      const found = rank([list(descending(10, 1, 100))], 20, { chunk: 2, maxPostings: 2 });
      expect(found).toMatchObject({ top: [{ articleId: 1, points: 100 }, { articleId: 2, points: 99 }], capped: true, exact: false });
      expect(found.stats).toMatchObject({ postingsRead: 2, candidates: 2, survivors: 0, completion: [] });
    });

    it('passes over a kept list for the survivors only, even while fewer than k articles have points', () => {
      // k = 3, a budget of 2: 1 (100) and 2 (99) are read, then the walk stops with θ = 0 and the
      // second list unread. Both survive on it; passing over it in memory meets 4 and 5, which
      // are not candidates and stay out.
      const found = rank([list([[1, 100], [2, 99], [3, 98]]), list([[4, 50], [5, 40]])], 3, {
        chunk: 2, maxPostings: 2, cache: new PostingCache({ maxBytes: 1e9, minPostings: 1 }),
      });
      expect(found).toMatchObject({ top: [{ articleId: 1, points: 100 }, { articleId: 2, points: 99 }], capped: true, exact: false });
      expect(found.stats).toMatchObject({ postingsRead: 2, candidates: 2, survivors: 2, completion: ['memory'] });
    });

    it('leaves out excluded articles', () => {
      const found = rank([list([[1, 100], [2, 50]])], 1, { excluded: new Set([1]) });
      expect(found.top).toEqual([{ articleId: 2, points: 50 }]);
      expect(found.stats.candidates).toBe(1);
    });

    it('credits no article beyond the candidate cap, not even to another', () => {
      const found = rank([list([[1, 100], [2, 50], [3, 40]])], 2, { maxCandidates: 2 });
      expect(found).toMatchObject({ top: [{ articleId: 1, points: 100 }, { articleId: 2, points: 50 }], capped: true, exact: false });
      expect(found.stats.candidates).toBe(2);
    });
  });

  describe('scan or text', () => {
    // Article 1 (100) survives, missing the skipped 40-point list of one posting.
    const lonely = () => [list([[1, 100]]), list([[2, 40]])];

    it('reads the texts when that costs no more than a scan', () => {
      const found = rank(lonely(), 1, { costs: { scan: 70, text: 70 } });
      expect(found.stats).toMatchObject({ completion: ['text'], textsRead: 1 });
      expect(found.top).toEqual([{ articleId: 1, points: 100 }]);
    });

    it('scans when reading the texts costs more, however dear the scan', () => {
      const found = rank(lonely(), 1, { costs: { scan: 1e6, text: 1e12 } });
      expect(found.stats).toMatchObject({ completion: [1], textsRead: 0 });
    });

    it('prices only the scans some survivor needs', () => {
      // The 10-posting list costs 700 to scan; the list read through would cost 70 but nobody
      // needs it: one text at 100 is cheaper than the scan that is needed.
      const found = rank([list([[1, 100]]), list(descending(10, 2, 40))], 1, { costs: { scan: 70, text: 100 } });
      expect(found.stats).toMatchObject({ completion: ['text'], textsRead: 1 });
    });

    it('prices a scan by the postings left unread in the list', () => {
      // k = 2, two postings per first read: first is read through (θ = 20); second is read from
      // 20: 3 (60) and 4 (59), θ = 60, bound 58. Articles 1 and 2 survive (100 + 58, 20 + 58);
      // a scan passes over the 8 postings left: 560 against 2 texts.
      const terms = [list([[1, 100], [2, 20]]), list([[3, 60], [4, 59], [5, 50], [6, 45], [7, 40], [8, 35], [9, 30], [10, 25], [11, 22], [12, 21]])];
      const scanned = rank(terms, 2, { chunk: 2, costs: { scan: 70, text: 300 } });
      expect(scanned.stats).toMatchObject({ postingsRead: 4, survivors: 2, completion: [1] });
      const read = rank(terms, 2, { chunk: 2, costs: { scan: 70, text: 250 } });
      expect(read.stats).toMatchObject({ postingsRead: 4, survivors: 2, completion: ['text'], textsRead: 2 });
      expect(read.top).toEqual([{ articleId: 1, points: 100 }, { articleId: 3, points: 60 }]);
      expect(scanned.top).toEqual(read.top);
    });
  });

  describe('longer words, held until checked', () => {
    // A word found once in 甲乙丙 earns round(0.01 × 16635) = 166 points; its driver postings
    // are held at that bound until the texts are checked.
    const HELD = Math.round(0.01 * ONCE_IN_3);

    it('checks a held word by a scan of its list, or by reading the texts when that costs no more', () => {
      // One word, k = 5: read through while θ is 0, articles 21 (holds it) and 31 (does not)
      // both survive on their bounds; 31, found without it, is no match. A scan passes over its 2 postings and checks 2 texts:
      // 2 × 70 + 2 × 2000 = 4140; reading the 2 texts at 2050 each costs 4100.
      const postings: [number, number][] = [[21, ONCE_IN_3], [31, ONCE_IN_3]];
      const read = rank([word('甲乙丙', 0.01, postings)], 5, { costs: { text: 2050 } });
      expect(read.stats).toMatchObject({ survivors: 2, completion: ['text'], textsRead: 2 });
      const scanned = rank([word('甲乙丙', 0.01, postings)], 5, { costs: { text: 2100 } });
      expect(scanned.stats).toMatchObject({ survivors: 2, completion: [0], textsRead: 0 });
      for (const found of [read, scanned]) expect(found).toMatchObject({ top: [{ articleId: 21, points: HELD }], total: 1, exact: true });
    });

    it('says the total is not exact while a dropped candidate still holds an unchecked word', () => {
      // The word (ceiling 166) is read first, held: 21 at 166, 31 at 50. Then 1 scores 100
      // (θ = 100): 31 is out unchecked, 21 is checked by a scan. Every list was read through,
      // but whether 31 holds the word is unknown: the total is estimated, 3 of 100.
      const found = rank([word('甲乙丙', 0.01, [[21, ONCE_IN_3], [31, 5000]]), list([[1, 100]])], 1);
      expect(found).toMatchObject({ top: [{ articleId: 21, points: HELD }], exact: false, total: 3 });
      expect(found.stats).toMatchObject({ survivors: 1, completion: [0] });
    });

    /// k = 2. first: 1 (500), 2 (10), read through: θ = 10. The word is read through, held:
    /// 21, 22 (hold it), 31 (does not), 166 each. last: read from 10: 3 (50), θ = 50, bound 9,
    /// 9 postings left (9…1). Survivors: 1 (500 + 9), 21, 22, 31 (166 + 9); 2 is out (19).
    const mixed = () => [
      list([[1, 500], [2, 10]]),
      word('甲乙丙', 0.01, [[21, ONCE_IN_3], [22, ONCE_IN_3], [31, ONCE_IN_3]]),
      list([[3, 50], ...descending(9, 4, 9)]),
    ];
    // The word held by 2 of the 3 checked: its list counts as 3 × 2/3 = 2 articles in the
    // estimate, 1000 × (1 − 0.998 × 0.998 × 0.99) = 13.96 → 14 (3 would give 15, 1 gives 13).
    const ESTIMATE = 14;

    it('checks first the held word worth more for its cost, and counts what the scan found', () => {
      // Word: 3 × 166 / (3 × 70 + 3 × 1) = 2.34 a unit of cost; last: 4 × 9 / (9 × 70) = 0.06.
      // After the word's scan θ = 166 and 31 is out; the other three are scanned on the last list.
      const found = rank(mixed(), 2, { indexed: 1000, costs: { text: 1e12, wordCheck: 1 } });
      expect(found.stats).toMatchObject({ postingsRead: 6, survivors: 4, completion: [1, 2], stepSurvivors: [4, 3] });
      expect(found).toMatchObject({ top: [{ articleId: 1, points: 500 }, { articleId: 21, points: HELD }], exact: false, total: ESTIMATE });
    });

    it('counts the held words it checks in the texts', () => {
      const found = rank(mixed(), 2, { indexed: 1000, costs: { text: 1, scan: 1e9, wordCheck: 1 } });
      expect(found.stats).toMatchObject({ survivors: 4, completion: ['text'], textsRead: 4 });
      expect(found).toMatchObject({ top: [{ articleId: 1, points: 500 }, { articleId: 21, points: HELD }], exact: false, total: ESTIMATE });
    });

    /// k = 2, the word at 0.02 (333 points in 甲乙丙). first: 1 (400), 2 (200): θ = 200. The
    /// word is read down to 9975 (0.02 × 9975 ≥ 199.5): 21 and 22 held at 333; 23 (5000) is
    /// left, bound 199. Survivors: 1 and 2, which may still hold the word (400 + 199, 200 + 199),
    /// and 21 and 22, which hold it unchecked. Both 21 and 22 hold it: the list counts as
    /// 3 × 2/2 articles, 100 × (1 − 0.98 × 0.97) = 4.94 → 5.
    const partWord = () => [list([[1, 400], [2, 200]]), word('甲乙丙', 0.02, [[21, ONCE_IN_3], [22, ONCE_IN_3], [23, 5000]])];
    const TOP = [{ articleId: 1, points: 400 }, { articleId: 21, points: Math.round(0.02 * ONCE_IN_3) }];

    it('scans a word read part way for the survivors that hold it and those it may still be in', () => {
      const found = rank(partWord(), 2);
      expect(found.stats).toMatchObject({ postingsRead: 4, survivors: 4, completion: [1] });
      expect(found).toMatchObject({ top: TOP, exact: false, total: 5 });
    });

    it('counts in the estimate only the driver postings whose text it checked', () => {
      // Reading the texts of 1 and 2 says nothing of the word's driver postings: they are not
      // among them.
      const found = rank(partWord(), 2, { costs: { text: 1, scan: 1e9 } });
      expect(found.stats).toMatchObject({ survivors: 4, completion: ['text'], textsRead: 4 });
      expect(found).toMatchObject({ top: TOP, exact: false, total: 5 });
    });

    it('checks every word a survivor holds, the first of two worth the same first', () => {
      // Article 23 (甲乙丙子丑寅, 6 characters) holds both words: round(0.01 × 16357) = 164 each.
      const found = rank([word('甲乙丙', 0.01, [[23, ONCE_IN_3]]), word('子丑寅', 0.01, [[23, ONCE_IN_3]])], 1);
      expect(found.stats).toMatchObject({ survivors: 1, completion: [0, 1], stepSurvivors: [1, 1] });
      expect(found.top).toEqual([{ articleId: 23, points: 2 * Math.round(0.01 * scoreToken(1, 6)) }]);
    });
  });

  describe('lists kept in memory', () => {
    /// The lists of 'prices a scan by the postings left unread': two survivors miss the second
    /// list, 8 of whose postings are unread (40 at 5 a posting in memory).
    const partly = () => [list([[1, 100], [2, 20]]), list([[3, 60], [4, 59], [5, 50], [6, 45], [7, 40], [8, 35], [9, 30], [10, 25], [11, 22], [12, 21]])];
    const kept = () => new PostingCache({ maxBytes: 1e9, minPostings: 1 });

    it('passes over the unread part of a kept list when that costs no more than the texts', () => {
      const found = rank(partly(), 2, { chunk: 2, cache: kept(), costs: { text: 20, cachedScan: 5 } });
      expect(found.stats).toMatchObject({ survivors: 2, completion: ['memory'], textsRead: 0 });
      expect(found.top).toEqual([{ articleId: 1, points: 100 }, { articleId: 3, points: 60 }]);
    });

    it('reads the texts when they cost less than passing over the kept lists', () => {
      // 2 texts at 10 against 40.
      const found = rank(partly(), 2, { chunk: 2, cache: kept(), costs: { text: 10, cachedScan: 5 } });
      expect(found.stats).toMatchObject({ survivors: 2, completion: ['text'], textsRead: 2 });
    });

    it('credits in a pass over a kept list only the survivors, not an article already out that it meets there', () => {
      // k = 1. The word (0.03 a unit: 499 points at 16635) has the highest ceiling and is read
      // through while θ is 0: 21 and 31 are held at 499 and round(0.03 × 3000) = 90. Then 1
      // scores 450 (θ = 450), and the last list (ceiling 100) is skipped: 100 < 450. Survivors:
      // 1 (450 + 100) and 21 (499 + 100); 31 is out (90 + 100 = 190 < 450). The pass over the
      // last list in memory meets 2 (no candidate) and 31 at 50, and credits neither; a scan of
      // the word then finds it in 21's text: 499, above 1.
      const allowed = Buffer.alloc(4001);
      for (const id of [1, 2, 21, 31]) allowed[id] = 1;
      const terms = [word('甲乙丙', 0.03, [[21, ONCE_IN_3], [31, 3000]]), list([[1, 450]]), list([[2, 100], [31, 50]])];
      const found = rank(terms, 1, { allowed, allowedCount: 4, cache: kept() });
      expect(found.top).toEqual([{ articleId: 21, points: 499 }]);
      expect(found.stats).toMatchObject({ postingsRead: 3, listsSkipped: 1, candidates: 3, survivors: 2, completion: ['memory', 0], stepSurvivors: [2, 1] });
      // Not every list was read through: the total is estimated. Of 4 allowed articles, lists
      // of 2 (the word, held by the 1 checked of its 2), 1 and 2 postings in 100 cover
      // 4 × (1 − 0.98 × 0.99 × 0.98) = 0.2 → 0, so the total is the articles known to match:
      // 1 and 21, not 31, whose score was never completed.
      expect(found).toMatchObject({ total: 2, exact: false, capped: false });
    });

    it('prices a scan of a kept list at the cost of a posting in memory', () => {
      // Article 1 (100) misses a kept list of 100 postings (ceiling 50) and a list of one (1),
      // both skipped. Passing over the kept one costs 500 in memory (7,000 through SQLite), more
      // than the text (100), so it is scanned, not swept; worth 50/500 against 1/70, first.
      const found = rank([list([[1, 100]]), list([[2, 50], ...Array.from({ length: 99 }, (_, i): [number, number] => [1001 + i, 1])]), list([[3, 1]])], 1, {
        cache: new PostingCache({ maxBytes: 1e9, minPostings: 50 }), costs: { text: 100, cachedScan: 5, scan: 70 },
      });
      expect(found.stats).toMatchObject({ survivors: 1, completion: [1, 2] });
    });
  });

  describe('articles that are gone', () => {
    it('reports a survivor whose row is gone as vanished and keeps it at the points its postings gave', () => {
      // k = 2: θ = 90 (articles 1 and 99); both survive the skipped 40-point list, and their
      // texts are read: article 99 has none. rankArticles drops it and ranks again.
      const found = rank([list([[1, 100], [99, 90], [2, 10]]), list([[30, 40]])], 2, { costs: { scan: 1e9, text: 1 } });
      expect(found.vanished).toEqual([99]);
      expect(found.top).toEqual([{ articleId: 1, points: 100 }, { articleId: 99, points: 90 }]);
      expect(found.stats).toMatchObject({ survivors: 2, completion: ['text'], textsRead: 2 });
    });

    it('reports each vanished article once, however many survivors there are', () => {
      // 2,001 articles without rows tie at 100 and all survive the skipped list: their texts
      // are asked for 2,000 at a time.
      const found = rank([list(Array.from({ length: 2001 }, (_, i) => [1001 + i, 100])), list([[30, 50]])], 1, { costs: { scan: 1e9, text: 1 } });
      expect(found.stats).toMatchObject({ survivors: 2001, textsRead: 2001 });
      expect(found.vanished).toHaveLength(2001);
      expect(new Set(found.vanished).size).toBe(2001);
    });
  });

  it('times each phase within the time the call took', () => {
    const cache = new PostingCache({ maxBytes: 1e9, minPostings: 1 });
    const walks: Partial<RankOptions>[] = [{}, { costs: { scan: 70, text: 1 } }, { cache, costs: { text: 1e12, cachedScan: 5 } }];
    const seen = new Set<string>();
    for (const opts of walks) {
      const started = performance.now();
      const found = rank([list([[1, 100], [3, 60]]), list([[3, 40]])], 1, opts);
      const took = performance.now() - started;
      const { collectMs, completeMs, stepMs, completion } = found.stats;
      for (const ms of [collectMs, completeMs, ...stepMs]) {
        expect(ms).toBeGreaterThanOrEqual(0);
        expect(ms).toBeLessThanOrEqual(took);
      }
      expect(stepMs).toHaveLength(completion.length);
      completion.forEach((c) => seen.add(typeof c === 'number' ? 'scan' : c));
    }
    expect([...seen].sort()).toEqual(['memory', 'scan', 'text']);
  });
});
