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
/// to read from SQLite), up to `maxBytes` in all (6 bytes a posting), least recently used first out.
export interface PostingCacheOptions {
  maxBytes: number;
  minPostings: number;
}

const BYTES_PER_POSTING = 6;

/// The default budget: `SEARCH_CACHE_MB` megabytes (256 unless set; 0 switches the cache off),
/// for lists of 4,096 postings or more.
export function postingCacheOptionsFromEnv(env: Record<string, string | undefined> = process.env): PostingCacheOptions | null {
  const raw = env.SEARCH_CACHE_MB?.trim();
  const mb = raw ? Number(raw) : 256;
  if (!Number.isFinite(mb) || mb < 0) throw new Error(`SEARCH_CACHE_MB must be a number of megabytes (0 switches the cache off), not ${raw}`);
  return mb === 0 ? null : { maxBytes: Math.floor(mb * 1024 * 1024), minPostings: 4096 };
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

  constructor(readonly options: PostingCacheOptions) {}

  /// Drops every list when the index has changed since they were read.
  sync(generation: number): void {
    if (generation === this.generation) return;
    this.lists.clear();
    this.bytes = 0;
    this.generation = generation;
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
/// (`postingCacheOptionsFromEnv`); none when it is switched off.
export function postingCacheOf(store: SearchStore): PostingCache | undefined {
  if (store.postingCache === undefined) {
    const options = postingCacheOptionsFromEnv();
    store.postingCache = options ? new PostingCache(options) : null;
  }
  return store.postingCache ?? undefined;
}

/// Gives the connection of `db` a cache with these options (null: none), replacing any it had:
/// for tests, and for the bench to measure with and without.
export function configurePostingCache(db: Db, options: PostingCacheOptions | null): PostingCache | undefined {
  const store = searchStore(db);
  store.postingCache = options ? new PostingCache(options) : null;
  return store.postingCache ?? undefined;
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

function inIndexOrder(batch: PostingBatch): boolean {
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
