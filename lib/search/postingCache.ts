import type { PostingRange } from './postingRange';
import type { Db } from '@/db/client';
import { searchStore, statement, type SearchStore } from './searchStore';
import { unpackPostings, type PostingBatch } from './unpackPostings';

/// One token's whole posting list in index order (stored score descending, then article id).
export interface CachedPostings {
  ids: Int32Array;
  scores: Uint16Array;
}

/// How much a process keeps: lists of at least `minPostings` postings (shorter ones cost little
/// to read from SQLite), up to `maxBytes` in all (6 bytes a posting), least recently used first out;
/// and how much of that budget `preloadNext` fills ahead of any question (0 or absent: none).
export interface PostingCacheOptions {
  maxBytes: number;
  minPostings: number;
  preloadShare?: number;
}

const BYTES_PER_POSTING = 6;

/// The default budget: `SEARCH_CACHE_MB` megabytes (256 unless set; 0 switches the cache off),
/// for lists of 4,096 postings or more, nine tenths of it preloaded with the longest lists.
export function postingCacheOptionsFromEnv(env: Record<string, string | undefined> = process.env): PostingCacheOptions | null {
  const raw = env.SEARCH_CACHE_MB?.trim();
  const mb = raw ? Number(raw) : 256;
  if (!Number.isFinite(mb) || mb < 0) throw new Error(`SEARCH_CACHE_MB must be a number of megabytes (0 switches the cache off), not ${raw}`);
  return mb === 0 ? null : { maxBytes: Math.floor(mb * 1024 * 1024), minPostings: 4096, preloadShare: 0.9 };
}

/// The posting lists of the most used common tokens, kept in memory by one process so that a
/// ranked search reads them as arrays instead of through SQLite (a question's common words have
/// hundreds of thousands of postings at 500,000 articles). The index on disk stays the only
/// copy that counts: `sync` is given the index's change counter (`search_stats.generation`) at
/// the start of every search and forgets every list when it has moved, whichever process
/// changed the index.
export class PostingCache {
  private readonly lists = new Map<number, CachedPostings>();
  private generation: number | null = null;
  bytes = 0;
  loads = 0;
  hits = 0;
  evictions = 0;

  /// Lists `preloadNext` has still to read, longest first (null: not yet chosen for this generation).
  private preloadQueue: { id: number; df: number }[] | null = null;
  preloaded = 0;

  constructor(readonly options: PostingCacheOptions) {}

  /// Drops every list when the index has changed since they were read.
  sync(generation: number): void {
    if (generation === this.generation) return;
    this.lists.clear();
    this.bytes = 0;
    this.generation = generation;
    this.preloadQueue = null;
    this.onCleared?.();
  }

  /// Told when `sync` has dropped every list (the background preloader starts again).
  onCleared?: () => void;

  /// Reads one more of the longest lists ahead of any question, so that a question's first ask
  /// finds its common words in memory rather than reading each whole list then (≈ 25 ms for
  /// 200,000 postings at 500,000 articles). The lists are the longest ones that together fit in
  /// `preloadShare` of the budget, read longest first, one per call, each in a read snapshot with
  /// the index's generation (a change since starts the choice over). False when there is nothing
  /// left to read, when preloading is off, or inside a transaction.
  preloadNext(store: SearchStore): boolean {
    const share = this.options.preloadShare ?? 0;
    if (share <= 0 || store.sqlite.inTransaction) return false;
    return store.sqlite.transaction(() => {
      const generation = statement<{ generation: number }>(store, 'SELECT generation FROM search_stats WHERE id = 1').get()?.generation ?? 0;
      this.sync(generation);
      this.preloadQueue ??= this.choosePreload(store, Math.floor(share * this.options.maxBytes));
      for (let next = this.preloadQueue.shift(); next; next = this.preloadQueue.shift()) {
        if (this.lists.has(next.id)) continue;
        if (this.bytes + next.df * BYTES_PER_POSTING > this.options.maxBytes) return false;
        this.get(store, next.id, next.df);
        this.preloaded++;
        return true;
      }
      return false;
    })();
  }

  /// The longest lists (at least `minPostings` long) that together take at most `bytes`.
  private choosePreload(store: SearchStore, bytes: number): { id: number; df: number }[] {
    const chosen: { id: number; df: number }[] = [];
    let total = 0;
    const rows = statement<{ id: number; df: number }>(store, 'SELECT id, df FROM search_tokens WHERE df >= ? ORDER BY df DESC, id').iterate(this.options.minPostings);
    for (const row of rows) {
      if (total + row.df * BYTES_PER_POSTING > bytes) break;
      total += row.df * BYTES_PER_POSTING;
      chosen.push(row);
    }
    return chosen;
  }

  /// The whole list of token `id`, which has `df` postings, read from SQLite on first use; none
  /// when the list is too short to be worth keeping or larger than the whole budget.
  get(store: SearchStore, id: number, df: number): CachedPostings | undefined {
    const kept = this.lists.get(id);
    if (kept) {
      // Most recently used last: a Map iterates in insertion order.
      this.lists.delete(id);
      this.lists.set(id, kept);
      this.hits++;
      return kept;
    }
    if (!this.keeps(id, df)) return undefined;
    const list = readWholeList(store, id);
    for (const [oldest, old] of this.lists) {
      if (this.bytes + list.ids.length * BYTES_PER_POSTING <= this.options.maxBytes) break;
      this.lists.delete(oldest);
      this.bytes -= old.ids.length * BYTES_PER_POSTING;
      this.evictions++;
    }
    this.lists.set(id, list);
    this.bytes += list.ids.length * BYTES_PER_POSTING;
    this.loads++;
    return list;
  }

  /// Whether the list of token `id` is kept now.
  has(id: number): boolean {
    return this.lists.has(id);
  }

  /// Whether the list of token `id`, which has `df` postings, is kept or would be on first use
  /// (without counting a use).
  keeps(id: number, df: number): boolean {
    return this.lists.has(id) || (df >= this.options.minPostings && df * BYTES_PER_POSTING <= this.options.maxBytes);
  }

  /// How many lists are kept.
  get size(): number {
    return this.lists.size;
  }
}

/// The posting cache of a connection, created on first use with the budget of the environment
/// (`postingCacheOptionsFromEnv`), which then starts preloading in the background; none when it
/// is switched off.
export function postingCacheOf(store: SearchStore): PostingCache | undefined {
  if (store.postingCache === undefined) {
    const options = postingCacheOptionsFromEnv();
    store.postingCache = options ? new PostingCache(options) : null;
    if (store.postingCache) preloadInBackground(store, store.postingCache);
  }
  return store.postingCache ?? undefined;
}

/// Calls `preloadNext` once per turn of the event loop until it is done, so that requests run in
/// between (each turn reads one list: at most a few tens of milliseconds), and again from the
/// start whenever an index change has emptied the cache. The loop does not keep the process
/// alive, and it stops when the connection gets another cache or closes.
export function preloadInBackground(store: SearchStore, cache: PostingCache): void {
  let running = false;
  const step = () => {
    running = false;
    if (store.postingCache !== cache || !store.sqlite.open) return;
    let more = false;
    try {
      more = cache.preloadNext(store);
    } catch {
      // A busy or closing database: preloading only saves time, and the next search reads what
      // it needs itself.
      return;
    }
    if (more) start();
  };
  const start = () => {
    if (running) return;
    running = true;
    setImmediate(step).unref();
  };
  cache.onCleared = start;
  start();
}

/// Gives the connection of `db` a cache with these options (null: none), replacing any it had:
/// for tests, and for the bench to measure with and without.
export function configurePostingCache(db: Db, options: PostingCacheOptions | null): PostingCache | undefined {
  const store = searchStore(db);
  store.postingCache = options ? new PostingCache(options) : null;
  return store.postingCache ?? undefined;
}

/// Reads ahead, at once, every list the connection's cache would preload in the background;
/// returns how many it read (the bench measures a warm server this way).
export function preloadPostingCache(db: Db): number {
  const store = searchStore(db);
  const cache = store.postingCache;
  let n = 0;
  while (cache?.preloadNext(store)) n++;
  return n;
}

/// Every posting of a token in index order, packed by SQLite into one string.
function readWholeList(store: SearchStore, id: number): CachedPostings {
  const packed = statement<{ packed: string | null }>(
    store,
    'SELECT group_concat(article_id * 32768 + score) AS packed FROM (SELECT article_id, score FROM search_postings WHERE token_id = ? ORDER BY score DESC, article_id)',
  ).get(id)?.packed;
  return toCachedPostings(unpackPostings(packed ?? '', false));
}

/// A batch of postings as a cached list in index order (score descending, then article id):
/// copied as it is when already in that order, sorted otherwise.
export function toCachedPostings(batch: PostingBatch): CachedPostings {
  const list: CachedPostings = { ids: new Int32Array(batch.n), scores: new Uint16Array(batch.n) };
  // The subquery's order is the key's, which group_concat keeps; sorted again only if it did not.
  if (inIndexOrder(batch)) {
    list.ids.set(batch.ids);
    list.scores.set(batch.scores);
    return list;
  }
  const order = Array.from({ length: batch.n }, (_, r) => r).sort((a, b) => batch.scores[b] - batch.scores[a] || batch.ids[a] - batch.ids[b]);
  order.forEach((r, i) => {
    list.ids[i] = batch.ids[r];
    list.scores[i] = batch.scores[r];
  });
  return list;
}

/// Whether a batch is already in index order: scores descending, and ids strictly ascending
/// within a score (so it can be copied as it is).
export function inIndexOrder(batch: PostingBatch): boolean {
  for (let r = 1; r < batch.n; r++) {
    const d = batch.scores[r - 1] - batch.scores[r];
    if (d < 0 || (d === 0 && batch.ids[r - 1] >= batch.ids[r])) return false;
  }
  return true;
}

/// The first position of a list whose stored score is below `score` (scores descend).
export function positionBelow(list: CachedPostings, score: number): number {
  let lo = 0;
  let hi = list.ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list.scores[mid] >= score) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/// The postings of a cached list in `range`, exactly as `postingRangeSql` selects them from the
/// index (same order, same `limit`, same byte-map checks), as a batch whose points are left at 0.
export function readCachedRange(list: CachedPostings, range: PostingRange): PostingBatch {
  const { ids, scores } = list;
  const total = ids.length;
  const below = (s: number) => positionBelow(list, s);
  let start = range.upper !== undefined ? below(range.upper) : 0;
  let end = range.from !== undefined ? below(range.from) : total;
  if (range.score !== undefined) {
    start = Math.max(start, below(range.score + 1));
    end = Math.min(end, below(range.score));
  }
  const room = Math.max(0, Math.min(end - start, range.limit ?? Infinity));
  const { allowed, wanted, after } = range;
  const outIds = new Float64Array(room);
  const outScores = new Int32Array(room);
  let n = 0;
  for (let r = start; r < end && n < room; r++) {
    const id = ids[r];
    if (after !== undefined && id <= after) continue;
    if (allowed && allowed[id] !== 1) continue;
    if (wanted && wanted[id] !== 1) continue;
    outIds[n] = id;
    outScores[n++] = scores[r];
  }
  const batch: PostingBatch = {
    n, ids: outIds.subarray(0, n), scores: outScores.subarray(0, n), points: new Float64Array(n), states: new Uint8Array(0),
    low: 0, high: 0, last: -1, matched: 0,
  };
  if (n) {
    // In index order the last posting has the lowest score and, among those, the highest id.
    batch.high = batch.scores[0];
    batch.low = batch.scores[n - 1];
    batch.last = batch.ids[n - 1];
  }
  return batch;
}
