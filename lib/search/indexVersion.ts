import type { Db } from '@/db/client';
import type { Engine } from '@/db/engine';
import { withTransaction } from '@/db/withTransaction';
import { AppError } from '@/lib/errors';
import { scoreToken } from './scoreToken';
import {
  hashArticles, inSearchTransaction, INSERT_POSTINGS_SQL, POSTINGS_PER_INSERT, searchStore, statement, tokenIdFor, versionArticles,
  type SearchStore,
} from './searchStore';
import { analyzeText } from './tokenize';
import { removeVersionPostings } from './unindexVersion';
import { holdSearchIndex, indexVersionsOnPostgres } from './postgresSearchIndex';

/// What an indexing call wrote.
export interface IndexReport {
  versions: number;
  articles: number;
  postings: number;
}

/// Puts every article of one regulation version into the full-text index, replacing what was
/// indexed for it before. Only versions indexed this way are searchable, so callers index the
/// version that is current and `unindexVersion` the one it replaces. Transactional.
export function indexVersion(db: Db, versionId: string): IndexReport {
  return indexVersions(db, [versionId]);
}

/// `indexVersion` for many versions in one transaction: the postings of the whole batch are
/// sorted by key and written in key order, which touches each B-tree page once instead of once
/// per version. The bulk path for building or rebuilding the index.
export function indexVersions(db: Db, versionIds: readonly string[]): IndexReport {
  const store = searchStore(db);
  return inSearchTransaction(store, (pending) => writeVersions(store, [...new Set(versionIds)], pending));
}

/// `indexVersions` on either engine: SQLite's prepared statements, or PostgreSQL's statements over
/// arrays (postgresSearchIndex.ts), which write the same rows.
export async function indexVersionsOn(engine: Engine, versionIds: readonly string[]): Promise<IndexReport> {
  if (engine.kind === 'sqlite') return indexVersions(engine.db, versionIds);
  return withTransaction(engine, async (tx) => {
    await holdSearchIndex(tx);
    return indexVersionsOnPostgres(tx, versionIds);
  });
}

/// Postings of a batch: token id plus a sort key that orders by score descending, then article id.
class PostingBuffer {
  length = 0;
  tokens = new Uint32Array(4096);
  keys = new Float64Array(4096);

  push(tokenId: number, score: number, articleId: number): void {
    if (this.length === this.tokens.length) {
      const tokens = new Uint32Array(this.length * 2);
      tokens.set(this.tokens);
      this.tokens = tokens;
      const keys = new Float64Array(this.length * 2);
      keys.set(this.keys);
      this.keys = keys;
    }
    this.tokens[this.length] = tokenId;
    this.keys[this.length] = (MAX_SCORE - score) * ARTICLE_SPACE + articleId;
    this.length++;
  }
}

const MAX_SCORE = 32_767;
const ARTICLE_SPACE = 2 ** 32;

function writeVersions(store: SearchStore, versionIds: string[], pending: Map<string, number>): IndexReport {
  const buffer = new PostingBuffer();
  const df = new Map<number, { n: number; max: number }>();
  const rows: { versionId: string; regulationId: string; articles: number; postings: number; hash: number; ids: number[] }[] = [];
  const version = statement<{ regulationId: string }>(store, 'SELECT regulation_id AS regulationId FROM regulation_versions WHERE id = ?');
  let articleCount = 0;
  for (const versionId of versionIds) {
    removeVersionPostings(store, versionId);
    const row = version.get(versionId);
    if (!row) throw new AppError('not_found', 'version_not_found', { details: { versionId } });
    const articles = versionArticles(store, versionId);
    const before = buffer.length;
    for (const article of articles) {
      const { tokens, length } = analyzeText(article.text);
      for (const [token, tf] of tokens) {
        const id = tokenIdFor(store, token, pending);
        const score = scoreToken(tf, length);
        buffer.push(id, score, article.id);
        const entry = df.get(id);
        if (entry) {
          entry.n++;
          if (score > entry.max) entry.max = score;
        } else df.set(id, { n: 1, max: score });
      }
    }
    articleCount += articles.length;
    rows.push({
      versionId, regulationId: row.regulationId, articles: articles.length, postings: buffer.length - before,
      hash: hashArticles(articles), ids: articles.map((a) => a.id),
    });
  }
  insertSorted(store, buffer, [...df.keys()].sort((a, b) => a - b));
  const bump = statement(store, 'UPDATE search_tokens SET df = df + ?, max_score = max(max_score, ?) WHERE id = ?');
  for (const [id, { n, max }] of df) bump.run(n, max, id);
  const insertVersion = statement(
    store,
    'INSERT INTO search_versions (version_id, regulation_id, articles, postings, text_hash, article_ids) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const r of rows) insertVersion.run(r.versionId, r.regulationId, r.articles, r.postings, r.hash, JSON.stringify(r.ids));
  return { versions: rows.length, articles: articleCount, postings: buffer.length };
}

/// Counting sort by token (ids ascending), then a numeric sort of each token's keys, then
/// multi-row inserts in primary-key order.
function insertSorted(store: SearchStore, buffer: PostingBuffer, tokenIds: number[]): void {
  if (buffer.length === 0) return;
  const rank = new Int32Array(tokenIds[tokenIds.length - 1] + 1);
  tokenIds.forEach((id, r) => (rank[id] = r));
  const start = new Uint32Array(tokenIds.length + 1);
  for (let i = 0; i < buffer.length; i++) start[rank[buffer.tokens[i]] + 1]++;
  for (let r = 0; r < tokenIds.length; r++) start[r + 1] += start[r];
  const fill = start.slice(0, tokenIds.length);
  const sorted = new Float64Array(buffer.length);
  for (let i = 0; i < buffer.length; i++) sorted[fill[rank[buffer.tokens[i]]]++] = buffer.keys[i];

  const many = statement(store, INSERT_POSTINGS_SQL);
  const one = statement(store, 'INSERT INTO search_postings (token_id, score, article_id) VALUES (?, ?, ?)');
  const args: number[] = new Array(POSTINGS_PER_INSERT * 3);
  let filled = 0;
  for (let r = 0; r < tokenIds.length; r++) {
    const slice = sorted.subarray(start[r], start[r + 1]);
    slice.sort();
    const tokenId = tokenIds[r];
    for (let i = 0; i < slice.length; i++) {
      const key = slice[i];
      const inverted = Math.floor(key / ARTICLE_SPACE);
      args[filled++] = tokenId;
      args[filled++] = MAX_SCORE - inverted;
      args[filled++] = key - inverted * ARTICLE_SPACE;
      if (filled === args.length) {
        many.run(args);
        filled = 0;
      }
    }
  }
  for (let i = 0; i < filled; i += 3) one.run(args[i], args[i + 1], args[i + 2]);
}
