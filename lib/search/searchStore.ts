import type Database from 'better-sqlite3';
import type { Db } from '@/db/client';
import type { PostingCache } from './postingCache';

/// Per-connection state of lib/search: prepared statements (by SQL text) and the token-id cache.
/// Only committed ids enter `tokenIds` (ids are never reused or deleted, so a committed id stays
/// right); ids created inside a transaction wait in `pending` until it commits. A token another
/// process added meanwhile is found again through the conflict path of `tokenIdFor`.
export interface SearchStore {
  sqlite: Database.Database;
  tokenIds: Map<string, number>;
  pending: Map<string, number> | null;
  statements: Map<string, Database.Statement>;
  /// Posting lists kept in memory for ranked search (postingCache.ts): undefined until first
  /// used, null when switched off.
  postingCache?: PostingCache | null;
}

/// Rows per multi-row INSERT: one statement call per 256 postings instead of one per posting.
export const POSTINGS_PER_INSERT = 256;

/// The multi-row insert used for postings (`POSTINGS_PER_INSERT` rows of three values).
export const INSERT_POSTINGS_SQL = `INSERT INTO search_postings (token_id, score, article_id) VALUES ${Array(POSTINGS_PER_INSERT)
  .fill('(?, ?, ?)')
  .join(', ')}`;

/// Beyond this many cached token ids the cache starts over (a memory bound for huge libraries).
const MAX_CACHED_TOKENS = 1_000_000;

const stores = new WeakMap<Database.Database, SearchStore>();

/// The search state of `db`, created on first use.
export function searchStore(db: Db): SearchStore {
  const sqlite = db.$client;
  let store = stores.get(sqlite);
  if (!store) {
    store = { sqlite, tokenIds: new Map(), pending: null, statements: new Map() };
    stores.set(sqlite, store);
  }
  return store;
}

/// The prepared statement for `sql`, prepared once per connection.
export function statement<Row = unknown>(store: SearchStore, sql: string): Database.Statement<unknown[], Row> {
  let st = store.statements.get(sql);
  if (!st) {
    st = store.sqlite.prepare(sql);
    store.statements.set(sql, st);
  }
  return st as Database.Statement<unknown[], Row>;
}

/// The dictionary row of `token` (id, document frequency, highest stored score), if any.
export function lookupToken(store: SearchStore, token: string): { id: number; df: number; maxScore: number } | undefined {
  return statement<{ id: number; df: number; maxScore: number }>(store, 'SELECT id, df, max_score AS maxScore FROM search_tokens WHERE token = ?').get(
    token,
  );
}

/// The id of `token`, adding it to the dictionary when it is new. Call inside
/// `inSearchTransaction`; new ids go to `pending`.
export function tokenIdFor(store: SearchStore, token: string, pending: Map<string, number>): number {
  const known = store.tokenIds.get(token) ?? pending.get(token);
  if (known !== undefined) return known;
  const inserted = statement<{ id: number }>(store, 'INSERT INTO search_tokens (token) VALUES (?) ON CONFLICT (token) DO NOTHING RETURNING id').get(token);
  const id = inserted ? inserted.id : lookupToken(store, token)?.id;
  if (id === undefined) throw new Error(`search token ${token} could not be stored`);
  pending.set(token, id);
  return id;
}

/// The id of `token` if it is in the dictionary, without adding it.
export function knownTokenId(store: SearchStore, token: string): number | undefined {
  const known = store.tokenIds.get(token) ?? store.pending?.get(token);
  if (known !== undefined) return known;
  const id = lookupToken(store, token)?.id;
  if (id !== undefined) (store.pending ?? (store.sqlite.inTransaction ? undefined : store.tokenIds))?.set(token, id);
  return id;
}

/// The articles of one version, in id order, as the indexer reads them.
export function versionArticles(store: SearchStore, versionId: string): { id: number; text: string }[] {
  return statement<{ id: number; text: string }>(store, 'SELECT id, text FROM regulation_articles WHERE version_id = ? ORDER BY id').all(versionId);
}

/// FNV-1a over the article ids and texts of a version: tells `unindexVersion` whether the rows
/// it re-reads are the ones that were indexed.
export function hashArticles(articles: { id: number; text: string }[]): number {
  let h = 0x811c9dc5;
  const mix = (c: number) => {
    h ^= c;
    h = Math.imul(h, 0x01000193);
  };
  for (const a of articles) {
    const id = String(a.id);
    for (let i = 0; i < id.length; i++) mix(id.charCodeAt(i));
    mix(0);
    for (let i = 0; i < a.text.length; i++) mix(a.text.charCodeAt(i));
    mix(0);
  }
  return h >>> 0;
}

/// Runs `work` in an immediate transaction (a nested call becomes a savepoint). Token ids created
/// by the work reach the shared cache only when this call owns the outermost transaction and it
/// commits; a failed level forgets the ids it added, since their rows were rolled back.
export function inSearchTransaction<T>(store: SearchStore, work: (pending: Map<string, number>) => T): T {
  const outer = store.pending;
  const pending = outer ?? new Map<string, number>();
  const mark = pending.size;
  const owner = !outer && !store.sqlite.inTransaction;
  store.pending = pending;
  try {
    const result = store.sqlite.transaction(() => work(pending)).immediate();
    if (owner) {
      if (store.tokenIds.size + pending.size > MAX_CACHED_TOKENS) store.tokenIds.clear();
      for (const [token, id] of pending) store.tokenIds.set(token, id);
    }
    return result;
  } catch (error) {
    [...pending.keys()].slice(mark).forEach((token) => pending.delete(token));
    throw error;
  } finally {
    if (!outer) store.pending = null;
  }
}
