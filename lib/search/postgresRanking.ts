import { sql, type SQL } from 'drizzle-orm';
import { executeOnPostgres, type Engine } from '@/db/engine';
import { withTransaction } from '@/db/withTransaction';
import { MICRO, planRankedTerms, termPoints, termPointsInText, type RankedTerm } from './planRankedTerms';
import { conditions, hitsOf, indexedArticleCount, tokenRows } from './postgresSearch';
import { array, run } from './postgresSql';
import { rankArticlesSchema, type RankArticlesInput } from './prepareRanking';
import { queryTerms } from './queryTerms';
import { RANK_COSTS, rankSteps, type RankAnswer, type RankedFound, type RankOptions, type RankRead } from './rankPostings';
import { resolveFiltersOn } from './resolveFilters';
import { parseSearchInput } from './searchOptions';
import type { Filters } from './searchPlan';
import type { SearchResult } from './searchResult';
import { foldText, indexedLength } from './tokenize';
import type { PostingBatch } from './unpackPostings';

/// How many times a ranking starts over when an article it ranked has been deleted since it was
/// indexed (as `rankArticles` does).
const RETRIES = 3;

/// `rankArticles` on PostgreSQL: the same walk (`rankSteps`) over the same postings, its reads
/// answered by the database (`answerOnPostgres`), all in one repeatable-read snapshot. When the
/// restrictions keep fewer articles than walking would pass over, the database ranks them all
/// instead (`rankAllInDatabase`), as SQLite then reads them all. The points, sums and ties are
/// those of `rankArticles` (millionths; ties by article id), so both engines give the same pages.
/// The posting cache is SQLite's only: here every read is a query.
export async function rankOnPostgres(engine: Engine, input: RankArticlesInput): Promise<SearchResult> {
  const parsed = parseSearchInput(rankArticlesSchema, input);
  const none: SearchResult = { total: 0, exact: true, hits: [] };
  return withTransaction(engine, async (tx) => {
    await executeOnPostgres(tx, sql`set transaction isolation level repeatable read, read only`);
    const n = await indexedArticleCount(tx);
    if (n <= 0) return none;
    const dictionary = await tokenRows(tx, [...new Set(parsed.terms.flatMap((t) => queryTerms(t.text).flatMap((q) => q.tokens)))]);
    const { terms, dropped } = planRankedTerms((token) => dictionary.get(token), parsed.terms, n);
    if (terms.length === 0) return none;
    const filters = await resolveFiltersOn(tx, parsed, input.where);
    if (filters.regulationIds?.length === 0) return none;
    const k = parsed.offset + parsed.limit;
    const [{ max }] = await run<{ max: string | null }>(tx, sql`select max(id) as max from regulation_articles`);
    const maxArticleId = Number(max ?? 0);
    const allowed = filters.kinds || filters.regulationIds ? await allowedMap(tx, filters, maxArticleId) : undefined;
    if (allowed?.count === 0) return none;
    const walkCost = terms.reduce((sum, t) => sum + t.driver.df, 0) * RANK_COSTS.scan;
    if (allowed && allowed.count * RANK_COSTS.text <= walkCost) return rankAllInDatabase(tx, terms, dropped, filters, parsed);

    const excluded = new Set<number>();
    let found: RankedFound;
    for (let attempt = 0; ; attempt++) {
      found = await walkOnPostgres(tx, terms, k, { allowed: allowed?.map, allowedCount: allowed?.count ?? n, indexed: n, excluded, maxArticleId });
      const live = new Set((await run<{ id: string }>(tx, sql`select id from regulation_articles where id = any(${array(found.top.map((c) => c.articleId), 'int8')})`)).map((r) => Number(r.id)));
      const gone = new Set([...found.vanished, ...found.top.map((c) => c.articleId).filter((id) => !live.has(id))]);
      if (gone.size === 0 || attempt >= RETRIES) {
        found.top = found.top.filter((c) => !gone.has(c.articleId));
        break;
      }
      for (const id of gone) excluded.add(id);
    }
    const hits = await hitsOf(tx, found.top.slice(parsed.offset).map((c) => ({ articleId: c.articleId, score: c.points / MICRO })), terms.map((t) => t.term));
    return { total: found.total, exact: found.exact && dropped === 0 && excluded.size === 0, hits };
  });
}

/// `rankSteps` with every read answered by the database.
export async function walkOnPostgres(tx: Engine, terms: readonly RankedTerm[], k: number, opts: RankOptions): Promise<RankedFound> {
  const steps = rankSteps(undefined, terms, k, opts);
  let step = steps.next();
  while (!step.done) step = steps.next(await answerOnPostgres(tx, step.value));
  return step.value;
}

/// A read of the walk, answered as SQLite's `readRankedPostings` answers it: the postings of the
/// term's driver token in the range (index order when limited), with the points the term earns
/// (a longer word checked in the article's text unless `unchecked`), or the texts asked for.
/// Exported for its test, which holds every answer to SQLite's, field by field.
export async function answerOnPostgres(tx: Engine, read: RankRead): Promise<RankAnswer> {
  if (read.kind === 'texts') {
    const rows = await run<{ id: string; text: string }>(tx, sql`select id, text from regulation_articles where id = any(${array(read.ids, 'int8')})`);
    return rows.map((r) => ({ id: Number(r.id), text: r.text }));
  }
  const { term, range, unchecked } = read;
  const counted = !term.exact && !unchecked;
  const where = [sql`p.token_id = ${term.driver.id}`];
  if (range.from !== undefined) where.push(sql`p.score >= ${range.from}`);
  if (range.upper !== undefined) where.push(sql`p.score < ${range.upper}`);
  if (range.score !== undefined) where.push(sql`p.score = ${range.score}`);
  if (range.after !== undefined) where.push(sql`p.article_id > ${range.after}`);
  // A byte map over article ids (1 = kept), as SQLite checks it with substr().
  for (const map of [range.allowed, range.wanted]) {
    if (map) where.push(sql`(case when p.article_id < ${map.length} then get_byte(${sql.param(map)}::bytea, p.article_id::int) = 1 else false end)`);
  }
  const rows = await run<{ article_id: string; score: number; text?: string | null }>(
    tx,
    sql`select p.article_id, p.score${counted ? sql`, a.text` : sql``} from search_postings as p${counted ? sql` left join regulation_articles as a on a.id = p.article_id` : sql``}
      where ${sql.join(where, sql` and `)}${range.limit !== undefined ? sql` order by p.score desc, p.article_id limit ${range.limit}` : sql``}`,
  );
  const n = rows.length;
  const batch: PostingBatch = { n, ids: new Float64Array(n), scores: new Int32Array(n), points: new Float64Array(n), states: new Uint8Array(0), low: 0, high: 0, last: -1, matched: 0 };
  let low = Infinity;
  rows.forEach((row, r) => {
    const id = Number(row.article_id);
    batch.ids[r] = id;
    batch.scores[r] = row.score;
    batch.points[r] = counted ? (row.text ? termPointsInText(term, foldText(row.text), indexedLength(row.text)) : 0) : termPoints(term, Math.min(row.score, term.ceiling));
    if (counted && batch.points[r] > 0) batch.matched++;
    if (row.score > batch.high) batch.high = row.score;
    if (row.score < low || (row.score === low && id > batch.last)) {
      low = row.score;
      batch.last = id;
    }
  });
  batch.low = n ? low : 0;
  if (term.exact) batch.matched = n;
  return batch;
}

/// The articles the restrictions keep, as a byte map over article ids (1 = kept) and their
/// number, from the id lists of `search_versions`.
async function allowedMap(tx: Engine, filters: Filters, maxArticleId: number): Promise<{ map: Buffer; count: number }> {
  const where: SQL[] = [];
  if (filters.kinds) where.push(sql`r.kind = any(${array(filters.kinds, 'text')})`);
  if (filters.regulationIds) where.push(sql`v.regulation_id = any(${array(filters.regulationIds, 'text')})`);
  const rows = await run<{ ids: number[] }>(
    tx,
    sql`select v.article_ids as ids from search_versions as v${filters.kinds ? sql` join regulations as r on r.id = v.regulation_id` : sql``} where ${sql.join(where, sql` and `)}`,
  );
  const map = Buffer.alloc(maxArticleId + 1);
  let count = 0;
  for (const { ids } of rows) {
    for (const id of ids) {
      if (id > maxArticleId || map[id] === 1) continue;
      map[id] = 1;
      count++;
    }
  }
  return { map, count };
}

/// Every allowed article that holds a term, ranked by the database: every posting of every
/// one-token term turned into points and summed per article, the best `offset + limit` read with
/// the number of matching articles (exact). The plan when the restrictions keep few articles.
async function rankAllInDatabase(tx: Engine, terms: RankedTerm[], dropped: number, filters: Filters, page: { offset: number; limit: number }): Promise<SearchResult> {
  const single = terms.filter((t) => t.exact);
  const counted = await countedPoints(tx, terms.filter((t) => !t.exact), filters);
  const { join, where } = conditions(filters, [], null);
  const rows = await run<{ id: string; points: string; total: string }>(
    tx,
    sql`with points as (
        select p.article_id as id, ${termPointsSql(sql`u.f`, sql`p.score`)} as points
          from unnest(${array(single.map((t) => t.driver.id), 'int8')}, ${array(single.map((t) => t.factor), 'float8')}) as u(t, f)
          join search_postings as p on p.token_id = u.t
        union all
        select * from unnest(${array(counted.ids, 'int8')}, ${array(counted.points, 'int8')})
      ), summed as (select id, sum(points) as points from points group by id)
      select s.id, s.points, count(*) over () as total
        from summed as s join regulation_articles as a on a.id = s.id${join}${where.length ? sql` where ${sql.join(where, sql` and `)}` : sql``}
        order by s.points desc, s.id limit ${page.offset + page.limit}`,
  );
  const top = rows.slice(page.offset).map((r) => ({ articleId: Number(r.id), score: Number(r.points) / MICRO }));
  const hits = await hitsOf(tx, top, terms.map((t) => t.term));
  return { total: Number(rows[0]?.total ?? 0), exact: dropped === 0, hits };
}

/// `termPoints` in SQL, for a stored score above 0: the factor times the score rounded half up
/// (JavaScript's Math.round is floor(x + 0.5); PostgreSQL's round() of a float rounds half to
/// even), at least 1.
export function termPointsSql(factor: SQL, score: SQL): SQL {
  return sql`greatest(1, floor(${factor} * ${score} + 0.5))::int8`;
}

/// The points of the terms longer than one token (a word with latin letters beside CJK, say),
/// counted in the text of each article its driver token's postings lead to.
async function countedPoints(engine: Engine, terms: RankedTerm[], filters: Filters): Promise<{ ids: number[]; points: number[] }> {
  const ids: number[] = [];
  const points: number[] = [];
  for (const term of terms) {
    const { join, where } = conditions(filters, term.instr ? [term.instr] : [], null);
    const rows = await run<{ id: string; text: string }>(
      engine,
      sql`select a.id, a.text from search_postings as p join regulation_articles as a on a.id = p.article_id${join}
        where ${sql.join([sql`p.token_id = ${term.driver.id}`, ...where], sql` and `)}`,
    );
    for (const row of rows) {
      const earned = termPointsInText(term, foldText(row.text), indexedLength(row.text));
      if (earned > 0) {
        ids.push(Number(row.id));
        points.push(earned);
      }
    }
  }
  return { ids, points };
}
