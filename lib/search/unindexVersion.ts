import type { Db } from '@/db/client';
import type { Engine } from '@/db/engine';
import { withTransaction } from '@/db/withTransaction';
import { holdSearchIndex, removeVersionPostingsOnPostgres } from './postgresSearchIndex';
import { scoreToken } from './scoreToken';
import { hashArticles, inSearchTransaction, knownTokenId, searchStore, statement, versionArticles, type SearchStore } from './searchStore';
import { analyzeText } from './tokenize';

/// Takes the articles of one version out of the full-text index (for example when a newer
/// version becomes current). Returns the number of postings removed, 0 when the version was not
/// indexed. Transactional.
export function unindexVersion(db: Db, versionId: string): number {
  const store = searchStore(db);
  return inSearchTransaction(store, () => removeVersionPostings(store, versionId));
}

/// `unindexVersion` on either engine.
export async function unindexVersionOn(engine: Engine, versionId: string): Promise<number> {
  if (engine.kind === 'sqlite') return unindexVersion(engine.db, versionId);
  return withTransaction(engine, async (tx) => {
    await holdSearchIndex(tx);
    return removeVersionPostingsOnPostgres(tx, versionId);
  });
}

/// The body of `unindexVersion`, for callers already inside a transaction. When the version's
/// article rows are still the ones that were indexed (same ids, same hash), every posting is
/// recomputed and deleted by its primary key; otherwise (rows edited or deleted since) the
/// postings are found by article id with one pass over the postings table.
export function removeVersionPostings(store: SearchStore, versionId: string): number {
  const indexed = statement<{ textHash: number; articleIds: string; postings: number }>(
    store,
    'SELECT text_hash AS textHash, article_ids AS articleIds, postings FROM search_versions WHERE version_id = ?',
  ).get(versionId);
  if (!indexed) return 0;
  const articles = versionArticles(store, versionId);
  const ids = JSON.parse(indexed.articleIds) as number[];
  const unchanged = hashArticles(articles) === indexed.textHash && ids.length === articles.length && ids.every((id, i) => articles[i].id === id);
  let removed = 0;
  if (unchanged) {
    const keys: [number, number, number][] = [];
    for (const article of articles) {
      const { tokens, length } = analyzeText(article.text);
      for (const [token, tf] of tokens) {
        const id = knownTokenId(store, token);
        if (id !== undefined) keys.push([id, scoreToken(tf, length), article.id]);
      }
    }
    // In key order, like the inserts, so that each B-tree page is visited once.
    keys.sort((a, b) => a[0] - b[0] || b[1] - a[1] || a[2] - b[2]);
    const del = statement(store, 'DELETE FROM search_postings WHERE token_id = ? AND score = ? AND article_id = ?');
    const drop = new Map<number, number>();
    for (const [id, score, articleId] of keys) {
      if (del.run(id, score, articleId).changes > 0) {
        drop.set(id, (drop.get(id) ?? 0) + 1);
        removed++;
      }
    }
    const dropToken = statement(store, 'UPDATE search_tokens SET df = max(0, df - ?) WHERE id = ?');
    for (const [id, n] of drop) dropToken.run(n, id);
  } else {
    const json = indexed.articleIds;
    const counts = statement<{ id: number; n: number }>(
      store,
      'SELECT token_id AS id, count(*) AS n FROM search_postings WHERE article_id IN (SELECT value FROM json_each(?)) GROUP BY token_id',
    ).all(json);
    const dropToken = statement(store, 'UPDATE search_tokens SET df = max(0, df - ?) WHERE id = ?');
    for (const { id, n } of counts) dropToken.run(n, id);
    removed = statement(store, 'DELETE FROM search_postings WHERE article_id IN (SELECT value FROM json_each(?))').run(json).changes;
  }
  statement(store, 'DELETE FROM search_versions WHERE version_id = ?').run(versionId);
  return removed;
}
