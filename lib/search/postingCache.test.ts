import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { openDatabase } from '@/db/client';
import { freshDatabase } from '@/db/testing';
import { indexVersion } from './indexVersion';
import {
  configurePostingCache, inIndexOrder, PostingCache, postingCacheOf, postingCacheOptionsFromEnv, preloadInBackground, preloadPostingCache, readCachedRange, toCachedPostings,
} from './postingCache';
import { unpackPostings } from './unpackPostings';
import { postingRangeSql, type PostingRange } from './postingRange';
import { pruneSearchIndex } from './pruneSearchIndex';
import { rankArticles } from './rankArticles';
import { rankExhaustively } from './rankExhaustively';
import { searchStore, statement } from './searchStore';
import { addRegulationVersion } from './testing/library';
import { buildRankingCorpus, randomQuestion, seededRandom } from './testing/rankingCorpus';
import { unindexVersion } from './unindexVersion';

describe('postingCache', () => {
  const { db, file, cleanup } = freshDatabase();
  let texts: Map<number, string>;
  beforeAll(() => {
    texts = buildRankingCorpus(db, 5, 6).texts;
  });
  afterAll(cleanup);

  const tokens = () => statement<{ id: number; df: number; maxScore: number }>(searchStore(db), 'SELECT id, df, max_score AS maxScore FROM search_tokens WHERE df > 0 ORDER BY id').all();
  const fromIndex = (id: number, range: PostingRange) => {
    const { sql, params } = postingRangeSql(id, range);
    return searchStore(db).sqlite.prepare(sql).all(params) as { article_id: number; score: number }[];
  };

  it('reads every range exactly as the index does: same postings, same order, same limit and byte maps', () => {
    const rnd = seededRandom(3);
    const cache = new PostingCache({ maxBytes: 1e9, minPostings: 1 });
    const store = searchStore(db);
    const maxId = Math.max(...texts.keys());
    const mapOf = (share: number) => Buffer.from(Array.from({ length: maxId + 1 }, () => (rnd() < share ? 1 : 0)));
    let compared = 0;
    for (const token of tokens()) {
      const list = cache.get(store, token.id, token.df)!;
      expect(list.ids).toHaveLength(token.df);
      for (let i = 0; i < 6; i++) {
        const a = 1 + Math.floor(rnd() * token.maxScore);
        const b = 1 + Math.floor(rnd() * token.maxScore);
        const pick = <T>(x: T) => (rnd() < 0.5 ? x : undefined);
        const range: PostingRange = i === 5
          ? { score: list.scores[Math.floor(rnd() * list.ids.length)], after: pick(list.ids[Math.floor(rnd() * list.ids.length)]), allowed: pick(mapOf(0.7)) }
          : { from: pick(Math.min(a, b)), upper: pick(Math.max(a, b) + 1), limit: pick(1 + Math.floor(rnd() * 5)), allowed: pick(mapOf(0.7)), wanted: pick(mapOf(0.3)) };
        const want = fromIndex(token.id, range);
        const got = readCachedRange(list, range);
        expect([...got.ids].map((id, r) => [id, got.scores[r]]), JSON.stringify({ token, range: { ...range, allowed: !!range.allowed, wanted: !!range.wanted } })).toEqual(
          range.limit === undefined ? expect.arrayContaining(want.map((p) => [p.article_id, p.score])) : want.map((p) => [p.article_id, p.score]),
        );
        expect(got.n).toBe(want.length);
        if (want.length) {
          const low = Math.min(...want.map((p) => p.score));
          expect(got).toMatchObject({ low, high: Math.max(...want.map((p) => p.score)), last: Math.max(...want.filter((p) => p.score === low).map((p) => p.article_id)) });
        }
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('puts postings into index order whatever order they came in', () => {
    const batch = unpackPostings([7 * 32768 + 3, 2 * 32768 + 9, 5 * 32768 + 3, 1 * 32768 + 3].join(','), false);
    const list = toCachedPostings(batch);
    expect([...list.ids]).toEqual([2, 1, 5, 7]);
    expect([...list.scores]).toEqual([9, 3, 3, 3]);
    const ordered = toCachedPostings(unpackPostings([2 * 32768 + 9, 1 * 32768 + 3, 5 * 32768 + 3].join(','), false));
    expect([...ordered.ids]).toEqual([2, 1, 5]);
  });

  it('keeps lists of at least minPostings within its byte budget, the least recently used going first', () => {
    const store = searchStore(db);
    const [x, y, z] = tokens().filter((t) => t.df >= 10).sort((p, q) => p.df - q.df);
    const cache = new PostingCache({ maxBytes: 6 * (y.df + z.df), minPostings: 10 });
    const short = tokens().find((t) => t.df < 10)!;
    expect(cache.get(store, short.id, short.df)).toBeUndefined();
    expect(new PostingCache({ maxBytes: 6 * (x.df - 1), minPostings: 1 }).get(store, x.id, x.df)).toBeUndefined();
    cache.get(store, x.id, x.df);
    cache.get(store, y.id, y.df);
    cache.get(store, x.id, x.df); // x is now the most recently used
    cache.get(store, z.id, z.df); // y goes, and x too if both do not fit beside z
    expect(cache.has(z.id)).toBe(true);
    expect(cache.has(y.id)).toBe(false);
    expect(cache.bytes).toBeLessThanOrEqual(cache.options.maxBytes);
    expect(cache.bytes).toBe([x, y, z].filter((t) => cache.has(t.id)).reduce((s, t) => s + 6 * t.df, 0));
    expect({ loads: cache.loads, hits: cache.hits }).toEqual({ loads: 3, hits: 1 });
  });

  it('forgets its lists when the index changes, in this process or another, and ranks what the index holds', () => {
    const cache = configurePostingCache(db, { maxBytes: 1e9, minPostings: 1 })!;
    const terms = [{ text: '法律', weight: 1 }, { text: '犬只', weight: 0.7 }, { text: '管理', weight: 1 }];
    const page = () => rankArticles(db, { terms, limit: 10 }).hits.map((h) => [h.articleId, h.score]);
    const truth = () => rankExhaustively(db, { terms, limit: 10 }).hits.map((h) => [h.articleId, h.score]);
    expect(page()).toEqual(truth());
    expect(cache.size).toBeGreaterThan(0);

    // Published here: the new articles rank at once.
    const added = addRegulationVersion(db, { id: 'cache-new', title: '缓存测试条例', articles: ['法律法律法律犬只犬只管理管理。'] });
    indexVersion(db, added.versionId);
    expect(page()[0][0]).toBe(added.articleIds[0]);
    expect(page()).toEqual(truth());

    // Unindexed through another connection to the same file (another process): gone here too.
    const other = openDatabase(file);
    try {
      unindexVersion(other, added.versionId);
    } finally {
      other.$client.close();
    }
    expect(page().map(([id]) => id)).not.toContain(added.articleIds[0]);
    expect(page()).toEqual(truth());

    // Pruning postings of a deleted article moves the counter too.
    const before = statement<{ generation: number }>(searchStore(db), 'SELECT generation FROM search_stats').get()!.generation;
    const victim = page()[0][0];
    db.$client.prepare('DELETE FROM regulation_articles WHERE id = ?').run(victim);
    expect(pruneSearchIndex(db)).toBeGreaterThan(0);
    expect(statement<{ generation: number }>(searchStore(db), 'SELECT generation FROM search_stats').get()!.generation).toBe(before + 1);
    expect(page()).toEqual(truth());
    configurePostingCache(db, null);
  });

  it('is neither read nor filled inside a transaction of the caller, which may still roll back', () => {
    const cache = configurePostingCache(db, { maxBytes: 1e9, minPostings: 1 })!;
    const terms = [{ text: '条例', weight: 1 }];
    db.$client.transaction(() => rankArticles(db, { terms, limit: 3 }))();
    expect(cache.size).toBe(0);
    rankArticles(db, { terms, limit: 3 });
    expect(cache.size).toBeGreaterThan(0);
    configurePostingCache(db, null);
  });

  it('gives the same first pages with and without the cache on random questions', () => {
    const rnd = seededRandom(17);
    const pool = [...texts.values()];
    for (let q = 0; q < 40; q++) {
      const terms = randomQuestion(rnd, pool);
      configurePostingCache(db, null);
      const plain = rankArticles(db, { terms, limit: 8 });
      configurePostingCache(db, { maxBytes: 6 * 200, minPostings: 20 });
      expect(rankArticles(db, { terms, limit: 8 }), JSON.stringify(terms)).toEqual(plain);
    }
    configurePostingCache(db, null);
  });

  it('knows a batch in index order from one that is not: scores falling, ids rising within a score', () => {
    const batch = (...pairs: [number, number][]) => unpackPostings(pairs.map(([id, score]) => id * 32768 + score).join(','), false);
    expect(inIndexOrder(batch())).toBe(true);
    expect(inIndexOrder(batch([4, 2]))).toBe(true);
    expect(inIndexOrder(batch([4, 9], [1, 3], [2, 3], [9, 1]))).toBe(true);
    expect(inIndexOrder(batch([4, 3], [1, 9]))).toBe(false); // a score rises
    expect(inIndexOrder(batch([4, 3], [1, 3]))).toBe(false); // ids fall within a score
    expect(inIndexOrder(batch([4, 3], [4, 3]))).toBe(false); // the same posting twice
    expect(inIndexOrder(batch([1, 3], [2, 3], [5, 2], [3, 2]))).toBe(false); // only the last pair is out of order
    expect(inIndexOrder(batch([5, 2], [1, 3], [2, 3]))).toBe(false); // only the first pair is
  });

  it('keeps a list that takes the whole budget exactly, counts each eviction, and keeps its lists while the index stays the same', () => {
    const store = searchStore(db);
    const [x, y] = tokens().filter((t) => t.df >= 10).sort((p, q) => q.df - p.df);
    const cache = new PostingCache({ maxBytes: 6 * x.df, minPostings: 1 });
    expect(cache.keeps(x.id, x.df)).toBe(true);
    expect(cache.keeps(x.id, x.df + 1)).toBe(false);
    cache.sync(7);
    cache.get(store, x.id, x.df);
    cache.sync(7);
    expect(cache.has(x.id)).toBe(true);
    cache.get(store, y.id, y.df); // x must go to make room
    expect({ evictions: cache.evictions, x: cache.has(x.id), y: cache.has(y.id), bytes: cache.bytes }).toEqual({ evictions: 1, x: false, y: true, bytes: 6 * y.df });
    cache.sync(8);
    expect({ size: cache.size, bytes: cache.bytes }).toEqual({ size: 0, bytes: 0 });
  });

  it('reads an empty range as an empty batch: nothing in it, no lowest score or last id', () => {
    const store = searchStore(db);
    const token = tokens().find((t) => t.df >= 3 && t.maxScore > 1)!;
    const list = new PostingCache({ maxBytes: 1e9, minPostings: 1 }).get(store, token.id, token.df)!;
    // from above upper: the range is empty, however the positions fall.
    const empty = readCachedRange(list, { from: token.maxScore, upper: 1 });
    expect({ n: empty.n, low: empty.low, high: empty.high, last: empty.last, ids: [...empty.ids] }).toEqual({ n: 0, low: 0, high: 0, last: -1, ids: [] });
    expect(fromIndex(token.id, { from: token.maxScore, upper: 1 })).toEqual([]);
  });

  it('takes its budget from SEARCH_CACHE_MB, 0 switching it off, and refuses what is not a size', () => {
    expect(postingCacheOptionsFromEnv({})).toEqual({ maxBytes: 256 * 1024 * 1024, minPostings: 4096, preloadShare: 0.9 });
    expect(postingCacheOptionsFromEnv({ SEARCH_CACHE_MB: '1.5' })?.maxBytes).toBe(1572864);
    expect(postingCacheOptionsFromEnv({ SEARCH_CACHE_MB: '  ' })?.maxBytes).toBe(256 * 1024 * 1024); // blank is unset, not 0
    expect(postingCacheOptionsFromEnv({ SEARCH_CACHE_MB: '0' })).toBeNull();
    expect(() => postingCacheOptionsFromEnv({ SEARCH_CACHE_MB: 'lots' })).toThrow(/SEARCH_CACHE_MB/);
    expect(() => postingCacheOptionsFromEnv({ SEARCH_CACHE_MB: '-1' })).toThrow(/SEARCH_CACHE_MB/);
  });
});

describe('preloading the posting cache', () => {
  const { db, cleanup } = freshDatabase();
  beforeAll(() => {
    buildRankingCorpus(db, 5, 6);
  });
  afterAll(cleanup);

  const store = () => searchStore(db);
  /// The lists the index holds of at least `min` postings, longest first (ties by id).
  const longest = (min: number) =>
    statement<{ id: number; df: number }>(store(), 'SELECT id, df FROM search_tokens WHERE df >= ? ORDER BY df DESC, id').all(min);
  const turns = async (n: number) => {
    for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
  };

  it('reads the longest lists first, one a call, as many as fit in its share of the budget', () => {
    const lists = longest(5);
    expect(lists.length).toBeGreaterThan(4);
    // The share holds the three longest exactly; the fourth would not fit beside them.
    const share = 6 * (lists[0].df + lists[1].df + lists[2].df);
    const cache = new PostingCache({ maxBytes: share * 2, minPostings: 5, preloadShare: 0.5 });
    const order: number[] = [];
    while (cache.preloadNext(store())) order.push([...lists].find((l) => cache.has(l.id) && !order.includes(l.id))!.id);
    expect(order).toEqual(lists.slice(0, 3).map((l) => l.id));
    expect({ preloaded: cache.preloaded, loads: cache.loads, bytes: cache.bytes }).toEqual({ preloaded: 3, loads: 3, bytes: share });
    expect(cache.preloadNext(store())).toBe(false);
  });

  it('stops before a list that would not fit its share, even by one byte', () => {
    const lists = longest(5);
    const share = 6 * (lists[0].df + lists[1].df + lists[2].df) - 1;
    const cache = new PostingCache({ maxBytes: 1e9, minPostings: 5, preloadShare: share / 1e9 });
    while (cache.preloadNext(store()));
    expect(lists.filter((l) => cache.has(l.id)).map((l) => l.id)).toEqual([lists[0].id, lists[1].id]);
  });

  it('never evicts what searches have read to make room for a preload', () => {
    const lists = longest(5);
    const small = lists[lists.length - 1];
    // Room for the small list a search read and the longest list, not for the second as well.
    const cache = new PostingCache({ maxBytes: 6 * (small.df + lists[0].df + lists[1].df) - 1, minPostings: 5, preloadShare: 1 });
    // As a search does: in step with the index, then the list read.
    cache.sync(statement<{ generation: number }>(store(), 'SELECT generation FROM search_stats WHERE id = 1').get()!.generation);
    cache.get(store(), small.id, small.df);
    while (cache.preloadNext(store()));
    expect({ small: cache.has(small.id), first: cache.has(lists[0].id), second: cache.has(lists[1].id), evictions: cache.evictions }).toEqual({ small: true, first: true, second: false, evictions: 0 });

    // A list that fills the budget to the byte is still read.
    const exact = new PostingCache({ maxBytes: 6 * (small.df + lists[0].df), minPostings: 5, preloadShare: 1 });
    exact.sync(statement<{ generation: number }>(store(), 'SELECT generation FROM search_stats WHERE id = 1').get()!.generation);
    exact.get(store(), small.id, small.df);
    while (exact.preloadNext(store()));
    expect({ small: exact.has(small.id), first: exact.has(lists[0].id), bytes: exact.bytes }).toEqual({ small: true, first: true, bytes: exact.options.maxBytes });
  });

  it('evicts as many lists as a new one needs, never ending over its budget', () => {
    const [x, y] = longest(5);
    const cache = new PostingCache({ maxBytes: 6 * (x.df + y.df) - 1, minPostings: 1 });
    cache.get(store(), x.id, x.df);
    cache.get(store(), y.id, y.df);
    expect({ x: cache.has(x.id), y: cache.has(y.id), evictions: cache.evictions, bytes: cache.bytes }).toEqual({ x: false, y: true, evictions: 1, bytes: 6 * y.df });
  });

  it('reads ahead at once what the background preloader would, and says how many lists it read', () => {
    const lists = longest(5);
    // The share holds the three longest exactly, as in the first test of this block.
    const share = 6 * (lists[0].df + lists[1].df + lists[2].df);
    const cache = configurePostingCache(db, { maxBytes: share * 2, minPostings: 5, preloadShare: 0.5 })!;
    onTestFinished(() => void configurePostingCache(db, null));
    expect(preloadPostingCache(db)).toBe(3);
    expect(lists.filter((l) => cache.has(l.id)).map((l) => l.id)).toEqual(lists.slice(0, 3).map((l) => l.id));
    expect({ preloaded: cache.preloaded, loads: cache.loads, bytes: cache.bytes }).toEqual({ preloaded: 3, loads: 3, bytes: share });
    // Nothing is left to read; and a connection without a cache reads nothing.
    expect(preloadPostingCache(db)).toBe(0);
    configurePostingCache(db, null);
    expect(preloadPostingCache(db)).toBe(0);
  });

  it('stops reading ahead, and counts no list, at one that no longer fits beside what a search read', () => {
    const lists = longest(5);
    const small = lists[lists.length - 1];
    // The choice is the two longest (the third would not fit the share); beside the small list a
    // search read, the longest fits and the second does not.
    const cache = configurePostingCache(db, { maxBytes: 6 * (small.df + lists[0].df + lists[1].df) - 1, minPostings: 5, preloadShare: 1 })!;
    onTestFinished(() => void configurePostingCache(db, null));
    cache.sync(statement<{ generation: number }>(store(), 'SELECT generation FROM search_stats WHERE id = 1').get()!.generation);
    cache.get(store(), small.id, small.df);
    expect(preloadPostingCache(db)).toBe(1);
    expect({ preloaded: cache.preloaded, first: cache.has(lists[0].id), second: cache.has(lists[1].id), bytes: cache.bytes }).toEqual({
      preloaded: 1, first: true, second: false, bytes: 6 * (small.df + lists[0].df),
    });
    // The choice is used up: asked again, it reads nothing more.
    expect(cache.preloadNext(store())).toBe(false);
  });

  it('holds for a token whose every posting was unindexed an empty list that takes no room', () => {
    // A library of its own, where one version was indexed and taken out again: its words stay
    // in the dictionary with no postings (df 0), and a cache of every list (minPostings 0)
    // preloads them too.
    const own = freshDatabase();
    onTestFinished(own.cleanup);
    const kept = addRegulationVersion(own.db, { id: 'kept', title: '保留条例', articles: ['物业服务企业应当公示收费标准。', '物业费按月收取。'] });
    indexVersion(own.db, kept.versionId);
    const gone = addRegulationVersion(own.db, { id: 'gone', title: '撤回条例', articles: ['殡葬管理。'] });
    indexVersion(own.db, gone.versionId);
    unindexVersion(own.db, gone.versionId);
    const ownStore = searchStore(own.db);
    const dictionary = statement<{ id: number; token: string; df: number }>(ownStore, 'SELECT id, token, df FROM search_tokens ORDER BY id').all();
    expect(dictionary.filter((t) => t.df === 0).map((t) => t.token).sort()).toEqual(['殡', '殡葬', '理', '管', '管理', '葬', '葬管'].sort());
    const cache = configurePostingCache(own.db, { maxBytes: 1e9, minPostings: 0, preloadShare: 1 })!;
    expect(preloadPostingCache(own.db)).toBe(dictionary.length);
    // Each list as the index holds it, postings in index order, and 6 bytes a posting in all.
    for (const t of dictionary) {
      const list = cache.get(ownStore, t.id, t.df)!;
      const want = statement<{ article_id: number; score: number }>(ownStore, 'SELECT article_id, score FROM search_postings WHERE token_id = ? ORDER BY score DESC, article_id').all(t.id);
      expect({ token: t.token, ids: [...list.ids], scores: [...list.scores] }).toEqual({ token: t.token, ids: want.map((p) => p.article_id), scores: want.map((p) => p.score) });
    }
    expect(cache.bytes).toBe(6 * dictionary.reduce((sum, t) => sum + t.df, 0));
    expect(cache.get(ownStore, dictionary.find((t) => t.token === '殡葬')!.id, 0)).toEqual({ ids: new Int32Array(0), scores: new Uint16Array(0) });
  });

  it('does nothing when the share is 0 or inside a transaction, which may still roll back', () => {
    const off = new PostingCache({ maxBytes: 1e9, minPostings: 1 });
    expect(off.preloadNext(store())).toBe(false);
    const on = new PostingCache({ maxBytes: 1e9, minPostings: 1, preloadShare: 1 });
    expect(db.$client.transaction(() => on.preloadNext(store()))()).toBe(false);
    expect(on.size).toBe(0);
  });

  it('gives a connection the budget of the environment on first use and the same cache after; none when it is 0', () => {
    const s = store();
    const saved = process.env.SEARCH_CACHE_MB;
    onTestFinished(() => {
      if (saved === undefined) delete process.env.SEARCH_CACHE_MB;
      else process.env.SEARCH_CACHE_MB = saved;
      configurePostingCache(db, null);
    });
    s.postingCache = undefined;
    process.env.SEARCH_CACHE_MB = '2';
    const cache = postingCacheOf(s);
    expect(cache?.options).toEqual({ maxBytes: 2 * 1024 * 1024, minPostings: 4096, preloadShare: 0.9 });
    expect(postingCacheOf(s)).toBe(cache);
    s.postingCache = undefined;
    process.env.SEARCH_CACHE_MB = '0';
    expect(postingCacheOf(s)).toBeUndefined();
    expect(s.postingCache).toBeNull();
  });

  it('fills the cache in the background without a search, and again after the index changes', async () => {
    const cache = configurePostingCache(db, { maxBytes: 1e9, minPostings: 5, preloadShare: 1 })!;
    preloadInBackground(store(), cache);
    expect(cache.size).toBe(0); // nothing yet: it runs between turns of the event loop
    await turns(longest(5).length + 2);
    expect(longest(5).every((l) => cache.has(l.id))).toBe(true);

    // An index change empties the cache at the next search; the preloader starts again.
    const before = cache.preloaded;
    const added = addRegulationVersion(db, { id: 'preload-new', title: '预载测试条例', articles: ['法律法律犬只管理。'] });
    indexVersion(db, added.versionId);
    rankArticles(db, { terms: [{ text: '条例', weight: 1 }], limit: 3 });
    expect(cache.size).toBeLessThan(longest(5).length);
    await turns(longest(5).length + 2);
    expect(longest(5).every((l) => cache.has(l.id))).toBe(true);
    expect(cache.preloaded).toBeGreaterThan(before);
    configurePostingCache(db, null);
  });

  it('reads one list a turn, stops when done, and stops when the connection gets another cache', async () => {
    const lists = longest(5);
    const cache = configurePostingCache(db, { maxBytes: 1e9, minPostings: 5, preloadShare: 1 })!;
    let calls = 0;
    const next = cache.preloadNext.bind(cache);
    cache.preloadNext = (s) => (calls++, next(s));
    preloadInBackground(store(), cache);
    await turns(1);
    expect(cache.preloaded).toBe(1);
    await turns(lists.length + 5);
    // One call per list, and the one that found nothing left: then the loop is over.
    expect({ preloaded: cache.preloaded, calls }).toEqual({ preloaded: lists.length, calls: lists.length + 1 });

    const replaced = configurePostingCache(db, { maxBytes: 1e9, minPostings: 5, preloadShare: 1 })!;
    preloadInBackground(store(), cache); // the old cache's loop, started again by mistake
    await turns(lists.length + 2);
    expect(calls).toBe(lists.length + 1);
    expect(replaced.size).toBe(0);
    configurePostingCache(db, null);
  });
});
