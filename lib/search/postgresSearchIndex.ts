import { sql, type SQL } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import { AppError } from '@/lib/errors';
import type { IndexReport } from './indexVersion';
import { scoreToken } from './scoreToken';
import { array, run } from './postgresSql';
import { hashArticles } from './searchStore';
import { analyzeText } from './tokenize';

// The search index on PostgreSQL: the same tables and the same postings as on SQLite (see
// README.md), written with a few statements over arrays (`unnest`) instead of SQLite's prepared
// statement per row, since every statement is a round trip here. Every function takes a
// transaction (`tx` of withTransaction) that has called `holdSearchIndex`.

/// Rows per insert or delete statement: large enough that round trips do not dominate, small
/// enough that one statement's arrays stay a few megabytes.
export const ROWS_PER_STATEMENT = 20_000;

/// Takes the index's transaction lock: writers of the index (publication, import, repeal, a
/// rebuild) run one at a time, as on SQLite, whose writer holds the whole database. Document
/// counts and token rows are then updated in any order without deadlocks; searches never wait.
export async function holdSearchIndex(tx: Engine): Promise<void> {
  await run(tx, sql`select pg_advisory_xact_lock(hashtextextended('search-index', 0))`);
}

/// The ids of `tokens`, adding to the dictionary those it lacks when `add` is set (else unknown
/// tokens are left out of the map).
async function tokenIds(tx: Engine, tokens: string[], add: boolean): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (let i = 0; i < tokens.length; i += ROWS_PER_STATEMENT) {
    const part = tokens.slice(i, i + ROWS_PER_STATEMENT);
    if (add) await run(tx, sql`insert into search_tokens (token) select unnest(${array(part, 'text')}) on conflict (token) do nothing`);
    const rows = await run<{ id: string; token: string }>(tx, sql`select id, token from search_tokens where token = any(${array(part, 'text')})`);
    for (const r of rows) ids.set(r.token, Number(r.id));
  }
  return ids;
}

/// The articles of some versions, in id order.
async function articlesOf(tx: Engine, versionIds: string[]): Promise<{ id: number; versionId: string; text: string }[]> {
  const rows = await run<{ id: string; version_id: string; text: string }>(
    tx,
    sql`select id, version_id, text from regulation_articles where version_id = any(${array(versionIds, 'text')}) order by id`,
  );
  return rows.map((r) => ({ id: Number(r.id), versionId: r.version_id, text: r.text }));
}

/// The postings of some articles, by token text: `[token, score, articleId]`.
function postingsOf(articles: { id: number; text: string }[]): [string, number, number][] {
  const out: [string, number, number][] = [];
  for (const article of articles) {
    const { tokens, length } = analyzeText(article.text);
    for (const [token, tf] of tokens) out.push([token, scoreToken(tf, length), article.id]);
  }
  return out;
}

/// `indexVersions` on PostgreSQL: removes what was indexed for each version, then writes the
/// postings of all of them, raises the document counts and records the versions.
export async function indexVersionsOnPostgres(tx: Engine, versionIds: readonly string[]): Promise<IndexReport> {
  const ids = [...new Set(versionIds)];
  for (const id of ids) await removeVersionPostingsOnPostgres(tx, id);
  const versions = await run<{ id: string; regulation_id: string }>(tx, sql`select id, regulation_id from regulation_versions where id = any(${array(ids, 'text')})`);
  const regulationOf = new Map(versions.map((v) => [v.id, v.regulation_id]));
  const missing = ids.find((id) => !regulationOf.has(id));
  if (missing) throw new AppError('not_found', 'version_not_found', { details: { versionId: missing } });
  const articles = await articlesOf(tx, ids);
  const postings = postingsOf(articles);
  const tokenId = await tokenIds(tx, [...new Set(postings.map((p) => p[0]))], true);
  const df = new Map<number, { n: number; max: number }>();
  for (const [token, score] of postings) {
    const entry = df.get(tokenId.get(token)!);
    if (entry) {
      entry.n++;
      entry.max = Math.max(entry.max, score);
    } else df.set(tokenId.get(token)!, { n: 1, max: score });
  }
  for (let i = 0; i < postings.length; i += ROWS_PER_STATEMENT) {
    const part = postings.slice(i, i + ROWS_PER_STATEMENT);
    await run(
      tx,
      sql`insert into search_postings (token_id, score, article_id) select * from unnest(${array(part.map((p) => tokenId.get(p[0])), 'int8')}, ${array(part.map((p) => p[1]), 'int4')}, ${array(part.map((p) => p[2]), 'int8')})`,
    );
  }
  const counts = [...df];
  for (let i = 0; i < counts.length; i += ROWS_PER_STATEMENT) {
    const part = counts.slice(i, i + ROWS_PER_STATEMENT);
    await run(
      tx,
      sql`update search_tokens as t set df = t.df + u.n, max_score = greatest(t.max_score, u.m)
        from unnest(${array(part.map((c) => c[0]), 'int8')}, ${array(part.map((c) => c[1].n), 'int8')}, ${array(part.map((c) => c[1].max), 'int4')}) as u(id, n, m)
        where t.id = u.id`,
    );
  }
  const versionOf = new Map(articles.map((a) => [a.id, a.versionId]));
  const written = new Map<string, number>();
  for (const p of postings) written.set(versionOf.get(p[2])!, (written.get(versionOf.get(p[2])!) ?? 0) + 1);
  for (const versionId of ids) {
    const own = articles.filter((a) => a.versionId === versionId);
    await tx.db.insert(tx.t.searchVersions).values({
      versionId, regulationId: regulationOf.get(versionId)!, articles: own.length, postings: written.get(versionId) ?? 0, textHash: hashArticles(own), articleIds: own.map((a) => a.id),
    });
  }
  return { versions: ids.length, articles: articles.length, postings: postings.length };
}

/// Deletes the postings `target` selects (a `delete … returning token_id` statement), lowers the
/// document counts of their tokens to match, in one statement; returns the postings removed.
async function deletePostings(tx: Engine, target: SQL): Promise<number> {
  const [row] = await run<{ removed: string }>(
    tx,
    sql`with gone as (${target}),
      counts as (select token_id, count(*) as n from gone group by token_id),
      lowered as (update search_tokens as t set df = greatest(0, t.df - c.n) from counts as c where t.id = c.token_id)
      select coalesce(sum(n), 0) as removed from counts`,
  );
  return Number(row?.removed ?? 0);
}

/// `removeVersionPostings` on PostgreSQL: when the version's article rows are still the ones that
/// were indexed, each posting is recomputed and deleted by its key; otherwise they are found by
/// article id (one pass over the postings).
export async function removeVersionPostingsOnPostgres(tx: Engine, versionId: string): Promise<number> {
  const [indexed] = await run<{ text_hash: string; article_ids: number[] }>(tx, sql`select text_hash, article_ids from search_versions where version_id = ${versionId}`);
  if (!indexed) return 0;
  const articles = await articlesOf(tx, [versionId]);
  const ids = indexed.article_ids;
  const unchanged = hashArticles(articles) === Number(indexed.text_hash) && ids.length === articles.length && ids.every((id, i) => articles[i].id === id);
  let removed = 0;
  if (unchanged) {
    const postings = postingsOf(articles);
    const tokenId = await tokenIds(tx, [...new Set(postings.map((p) => p[0]))], false);
    const keys = postings.filter((p) => tokenId.has(p[0]));
    for (let i = 0; i < keys.length; i += ROWS_PER_STATEMENT) {
      const part = keys.slice(i, i + ROWS_PER_STATEMENT);
      removed += await deletePostings(
        tx,
        sql`delete from search_postings as p using unnest(${array(part.map((k) => tokenId.get(k[0])), 'int8')}, ${array(part.map((k) => k[1]), 'int4')}, ${array(part.map((k) => k[2]), 'int8')}) as u(t, s, a)
          where p.token_id = u.t and p.score = u.s and p.article_id = u.a returning p.token_id`,
      );
    }
  } else if (ids.length > 0) {
    removed = await deletePostings(tx, sql`delete from search_postings where article_id = any(${array(ids, 'int8')}) returning token_id`);
  }
  await run(tx, sql`delete from search_versions where version_id = ${versionId}`);
  return removed;
}

/// `pruneSearchIndex` on PostgreSQL.
export async function pruneSearchIndexOnPostgres(tx: Engine): Promise<number> {
  const removed = await deletePostings(
    tx,
    sql`delete from search_postings as p where not exists (select 1 from regulation_articles as a where a.id = p.article_id) returning p.token_id`,
  );
  if (removed > 0) await run(tx, sql`update search_stats set generation = generation + 1 where id = 1`);
  return removed;
}
