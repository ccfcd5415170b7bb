import { sql, type SQL } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import { array, run } from './postgresSql';
import { toHit, type HitRow } from './loadHit';
import type { QueryTerm } from './queryTerms';
import { resolveFiltersOn } from './resolveFilters';
import { scoreTexts } from './scanArticles';
import { choosePlan, planTerms, sqlCheckableTerms, type Candidate, type Filters, type TermPlan, type TokenRow } from './searchPlan';
import type { SearchResult } from './searchResult';
import type { RegulationKind } from '@/lib/shared/vocabulary';
import { PostingWalk, type PostingRow } from './walkPostings';

// `searchArticles` on PostgreSQL: the same plans over the same tables (README.md), with the
// walk read in pages of the driver token's postings (keyset on score and article id, each page
// one range of the `search_postings_key` index) instead of SQLite's row-by-row cursor.


/// The first page of a walk reads this many postings beyond the page itself; each later page
/// four times the one before, up to `MAX_PAGE`, so that a walk that stops early reads little and
/// one that goes far makes few round trips.
const FIRST_EXTRA = 64;
const MAX_PAGE = 8192;

/// The number of indexed articles (N of idf).
export async function indexedArticleCount(engine: Engine): Promise<number> {
  const [stats] = await run<{ articles: string }>(engine, sql`select articles from search_stats where id = 1`);
  return Number(stats?.articles ?? 0);
}

/// The search, once its input is parsed and its terms read (see `searchArticles`).
export async function searchOnPostgres(
  engine: Engine,
  input: { limit: number; offset: number; regulationIds?: string[]; regulationId?: string; kinds?: RegulationKind[] },
  terms: QueryTerm[],
  where: SQL | undefined,
): Promise<SearchResult> {
  const none: SearchResult = { total: 0, exact: true, hits: [] };
  const n = await indexedArticleCount(engine);
  if (n <= 0) return none;
  const dictionary = await tokenRows(engine, [...new Set(terms.flatMap((t) => t.tokens))]);
  const plans = planTerms((token) => dictionary.get(token), terms, n);
  if (!plans) return none;
  const filters = await resolveFiltersOn(engine, input, where);
  if (filters.regulationIds?.length === 0) return none;

  const k = input.offset + input.limit;
  const driver = plans.reduce((a, b) => (b.driver.df < a.driver.df ? b : a));
  const allowed = filters.regulationIds ? await countAllowed(engine, filters.regulationIds) : n;
  const plan = choosePlan({ filters, driverDf: driver.driver.df, n, k, allowed });
  if (plan === 'walk-set') filters.articleIds = await allowedIds(engine, filters.regulationIds!);
  const found = plan === 'scan' ? await scan(engine, plans, driver, filters, k) : await walk(engine, plans, driver, filters, k);
  return { total: found.total, exact: found.exact, hits: await hitsOf(engine, found.top.slice(input.offset), terms) };
}

/// The dictionary rows of some tokens, in one query.
export async function tokenRows(engine: Engine, tokens: string[]): Promise<Map<string, TokenRow>> {
  const rows = await run<{ token: string; id: string; df: string; max_score: number }>(engine, sql`select token, id, df, max_score from search_tokens where token = any(${array(tokens, 'text')})`);
  return new Map(rows.map((r) => [r.token, { id: Number(r.id), df: Number(r.df), maxScore: r.max_score }]));
}

/// Conditions on an article (`a`) for the filters and the CJK terms a row must contain; `r` is
/// joined when kinds are filtered.
export function conditions(filters: Filters, checked: string[], articleColumn: SQL | null): { join: SQL; where: SQL[] } {
  const where: SQL[] = [];
  if (filters.kinds) where.push(sql`r.kind = any(${array(filters.kinds, 'text')})`);
  if (articleColumn && filters.articleIds) where.push(sql`${articleColumn} = any(${array(filters.articleIds, 'int8')})`);
  else if (filters.regulationIds) where.push(sql`a.regulation_id = any(${array(filters.regulationIds, 'text')})`);
  for (const term of checked) where.push(sql`strpos(a.text, ${term}) > 0`);
  return { join: filters.kinds ? sql` join regulations as r on r.id = a.regulation_id` : sql``, where };
}

/// The walk: pages of the driver token's postings in stored-score order, fed to a `PostingWalk`.
async function walk(engine: Engine, plans: TermPlan[], driver: TermPlan, filters: Filters, k: number) {
  const state = new PostingWalk(plans, driver, filters, k);
  const { join, where } = conditions(filters, state.simple ? [] : sqlCheckableTerms(plans), sql`p.article_id`);
  let after: { score: number; articleId: number } | null = null;
  let size = k + FIRST_EXTRA;
  for (;;) {
    const from = after ? [sql`(p.score < ${after.score} or (p.score = ${after.score} and p.article_id > ${after.articleId}))`] : [];
    const page = await run<{ article_id: string; score: number; text?: string }>(
      engine,
      sql`select p.article_id, p.score${state.simple ? sql`` : sql`, a.text`}
        from search_postings as p join regulation_articles as a on a.id = p.article_id${join}
        where ${sql.join([sql`p.token_id = ${driver.driver.id}`, ...from, ...where], sql` and `)}
        order by p.score desc, p.article_id limit ${size}`,
    );
    let going = true;
    for (const r of page) {
      const row: PostingRow = { articleId: Number(r.article_id), score: r.score, text: r.text };
      if (!(going = state.take(row))) break;
      after = row;
    }
    if (!going || page.length < size) break;
    size = Math.min(size * 4, MAX_PAGE);
  }
  if (!state.needsCount()) return state.found(0);
  const [above] = await run<{ n: string }>(engine, sql`select count(*) as n from search_postings where token_id = ${driver.driver.id} and score > ${state.lastScore}`);
  return state.found(Number(above?.n ?? 0));
}

/// The scan: every indexed article the filters keep that contains the CJK terms, scored.
async function scan(engine: Engine, plans: TermPlan[], driver: TermPlan, filters: Filters, k: number) {
  const { join, where } = conditions(filters, sqlCheckableTerms(plans), null);
  const rows = await run<{ id: string; text: string }>(
    engine,
    sql`select a.id, a.text from search_versions as v join regulation_articles as a on a.version_id = v.version_id${join}${where.length ? sql` where ${sql.join(where, sql` and `)}` : sql``}`,
  );
  return scoreTexts(rows.map((r) => ({ articleId: Number(r.id), text: r.text })), plans, driver, k);
}

/// How many indexed articles some regulations have.
async function countAllowed(engine: Engine, regulationIds: string[]): Promise<number> {
  const [row] = await run<{ n: string | null }>(engine, sql`select sum(articles) as n from search_versions where regulation_id = any(${array(regulationIds, 'text')})`);
  return Number(row?.n ?? 0);
}

/// The ids of the indexed articles of some regulations, from `search_versions`.
async function allowedIds(engine: Engine, regulationIds: string[]): Promise<number[]> {
  const rows = await run<{ ids: number[] }>(engine, sql`select article_ids as ids from search_versions where regulation_id = any(${array(regulationIds, 'text')})`);
  return rows.flatMap((r) => r.ids);
}

/// The hits of ranked candidates, in their order, read in one query; an article deleted since it
/// was indexed is left out.
export async function hitsOf(engine: Engine, top: Pick<Candidate, 'articleId' | 'score'>[], terms: QueryTerm[]) {
  if (top.length === 0) return [];
  const rows = await run<Omit<HitRow, 'articleId'> & { id: string }>(
    engine,
    sql`select a.id, a.regulation_id as "regulationId", r.title as "regulationTitle", a.version_id as "versionId", a.eid, a.number, a.sub, a.text
      from regulation_articles as a join regulations as r on r.id = a.regulation_id where a.id = any(${array(top.map((c) => c.articleId), 'int8')})`,
  );
  const byId = new Map(rows.map(({ id, ...row }) => [Number(id), { articleId: Number(id), ...row }]));
  return top.flatMap((c) => {
    const row = byId.get(c.articleId);
    return row ? [toHit(row, c.score, terms)] : [];
  });
}
