import type { SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import type { Engine } from '@/db/engine';
import { allowedArticleIds, countAllowedArticles } from './allowedArticles';
import { MAX_QUERY_LENGTH } from './limits';
import { loadHit } from './loadHit';
import { queryTerms } from './queryTerms';
import { resolveFilters } from './resolveFilters';
import { scanArticles } from './scanArticles';
import { choosePlan, planTerms } from './searchPlan';
import { parseSearchInput, searchDepthCheck, searchOptionFields } from './searchOptions';
import type { SearchResult } from './searchResult';
import { lookupToken, searchStore, statement } from './searchStore';
import { walkPostings } from './walkPostings';
import { searchOnPostgres } from './postgresSearch';

/// The query of `searchArticles`, validated at the boundary. Messages are catalogue keys.
export const searchArticlesSchema = z
  .object({
    q: z.string({ error: 'query_empty' }).trim().min(1).max(MAX_QUERY_LENGTH, 'query_too_long'),
    ...searchOptionFields,
  })
  .refine(...searchDepthCheck);

/// What `searchArticles` takes: the query text, the page, and optional restrictions, all of
/// which must hold: a set of regulation ids, a set of kinds, one regulation to search in, and
/// `where`, any drizzle condition on the `regulations` table (region, topic, dates …).
export type SearchArticlesInput = z.input<typeof searchArticlesSchema> & { where?: SQL };

export type { SearchHit, SearchResult } from './searchResult';

/// Ranked full-text search over the indexed (current) articles, best first. Every query term
/// must occur in the article: terms are separated by spaces or punctuation, CJK text matches as
/// a contiguous string, latin and digit runs as whole words, case- and width-insensitively.
/// Throws `validation_failed` (`query_empty`, `query_too_long`, …) for bad input; search syntax in
/// the query has no meaning. See lib/search/README.md for the plans and their costs.
export function searchArticles(db: Db, input: SearchArticlesInput): SearchResult {
  const parsed = parseSearchInput(searchArticlesSchema, input);
  const { q, limit, offset } = parsed;
  const none: SearchResult = { total: 0, exact: true, hits: [] };
  const terms = queryTerms(q);
  if (terms.length === 0) return none;

  const store = searchStore(db);
  const n = statement<{ articles: number }>(store, 'SELECT articles FROM search_stats WHERE id = 1').get()?.articles ?? 0;
  if (n <= 0) return none;
  const plans = planTerms((token) => lookupToken(store, token), terms, n);
  if (!plans) return none;
  const filters = resolveFilters(db, parsed, input.where);
  if (filters.regulationIds?.length === 0) return none;

  const k = offset + limit;
  const driver = plans.reduce((a, b) => (b.driver.df < a.driver.df ? b : a));
  const allowed = filters.regulationIds ? countAllowedArticles(store, { regulationIds: filters.regulationIds }) : n;
  const plan = choosePlan({ filters, driverDf: driver.driver.df, n, k, allowed });
  if (plan === 'walk-set') filters.articleIds = allowedArticleIds(store, { regulationIds: filters.regulationIds });
  const found = plan === 'scan' ? scanArticles(store, plans, driver, filters, k) : walkPostings(store, plans, driver, filters, k);
  return { total: found.total, exact: found.exact, hits: found.top.slice(offset).flatMap((c) => loadHit(store, c.articleId, c.score, terms) ?? []) };
}

/// `searchArticles` on either engine (on PostgreSQL, postgresSearch.ts reads the same plans).
export async function searchArticlesOn(engine: Engine, input: SearchArticlesInput): Promise<SearchResult> {
  if (engine.kind === 'sqlite') return searchArticles(engine.db, input);
  const parsed = parseSearchInput(searchArticlesSchema, input);
  const terms = queryTerms(parsed.q);
  if (terms.length === 0) return { total: 0, exact: true, hits: [] };
  return searchOnPostgres(engine, parsed, terms, input.where);
}
