import type { SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { regulations } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { MAX_OFFSET, MAX_QUERY_LENGTH } from './limits';
import { makeSnippet } from './makeSnippet';
import { queryTerms, type QueryTerm } from './queryTerms';
import { scanArticles } from './scanArticles';
import { planTerms, type Candidate, type Filters } from './searchPlan';
import { searchStore, statement, type SearchStore } from './searchStore';
import { walkPostings } from './walkPostings';
import { regulationKinds } from '@/lib/shared/vocabulary';

/// Up to this many allowed articles, a filtered walk checks the posting's article id against the
/// set instead of reading each walked article's row for its regulation id.
const ARTICLE_SET_LIMIT = 20_000;

/// Reading one allowed article costs about this many walked postings (see searchArticles).
const SCAN_COST = 6;

/// The query of `searchArticles`, validated at the boundary. Messages are catalogue keys.
export const searchArticlesSchema = z.object({
  q: z.string({ error: 'query_empty' }).trim().min(1, 'query_empty').max(MAX_QUERY_LENGTH, 'query_too_long'),
  limit: z.number({ error: 'limit_invalid' }).int('limit_invalid').min(1, 'limit_invalid').max(100, 'limit_invalid').default(20),
  offset: z.number({ error: 'offset_invalid' }).int('offset_invalid').min(0, 'offset_invalid').default(0),
  regulationIds: z.array(z.string().min(1), { error: 'regulation_ids_invalid' }).max(100_000, 'regulation_ids_invalid').optional(),
  kinds: z.array(z.enum(regulationKinds), { error: 'kinds_invalid' }).optional(),
  regulationId: z.string({ error: 'regulation_id_invalid' }).min(1, 'regulation_id_invalid').optional(),
}).refine((v) => v.offset + v.limit <= MAX_OFFSET, { message: 'offset_invalid', path: ['offset'] });

/// What `searchArticles` takes: the query text, the page, and optional restrictions, all of
/// which must hold: a set of regulation ids, a set of kinds, one regulation to search in, and
/// `where`, any drizzle condition on the `regulations` table (region, topic, dates …).
export type SearchArticlesInput = z.input<typeof searchArticlesSchema> & { where?: SQL };

/// One ranked article.
export interface SearchHit {
  articleId: number;
  regulationId: string;
  regulationTitle: string;
  versionId: string;
  eid: string;
  number: number;
  sub: number;
  /// Σ over query terms of idf × BM25 term factor; comparable within one search only.
  score: number;
  /// About 80 characters of the article around its first match.
  snippet: string;
  /// `[start, end)` offsets of the matches in `snippet` (UTF-16 code units).
  highlights: [number, number][];
}

/// A page of results. `total` counts the matching articles: exactly when `exact`, otherwise an
/// estimate from the share of matches among the postings the search walked before it stopped.
export interface SearchResult {
  total: number | null;
  exact: boolean;
  hits: SearchHit[];
}

/// Ranked full-text search over the indexed (current) articles, best first. Every query term
/// must occur in the article: terms are separated by spaces or punctuation, CJK text matches as
/// a contiguous string, latin and digit runs as whole words, case- and width-insensitively.
/// Throws `validation_failed` (`query_empty`, `query_too_long`, …) for bad input; search syntax in
/// the query has no meaning. See lib/search/README.md for the plans and their costs.
export function searchArticles(db: Db, input: SearchArticlesInput): SearchResult {
  const parsed = searchArticlesSchema.safeParse(input);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new AppError('validation_failed', fields[0]?.message ?? 'validation_failed', { details: { fields } });
  }
  const { q, limit, offset } = parsed.data;
  const none: SearchResult = { total: 0, exact: true, hits: [] };
  const terms = queryTerms(q);
  if (terms.length === 0) return none;

  const store = searchStore(db);
  const n = statement<{ articles: number }>(store, 'SELECT articles FROM search_stats WHERE id = 1').get()?.articles ?? 0;
  if (n <= 0) return none;
  const plans = planTerms(store, terms, n);
  if (!plans) return none;
  const filters = resolveFilters(db, parsed.data, input.where);
  if (filters.regulationIds?.length === 0) return none;

  const k = offset + limit;
  const driver = plans.reduce((a, b) => (b.driver.df < a.driver.df ? b : a));
  // A filtered walk examines about k·n/allowed postings (at most the whole list); reading the
  // allowed articles instead costs about six postings' worth each (text, instr, scoring in
  // JavaScript), measured on the 10,000-regulation bench library.
  const allowed = filters.regulationIds ? allowedArticles(store, filters.regulationIds) : n;
  const walkRows = Math.min(driver.driver.df, (k * n) / Math.max(allowed, 1));
  const scan = filters.regulationIds !== undefined && SCAN_COST * allowed < walkRows;
  if (!scan && filters.regulationIds && allowed <= ARTICLE_SET_LIMIT) filters.articleIds = allowedArticleIds(store, filters.regulationIds);
  const found = scan ? scanArticles(store, plans, driver, filters, k) : walkPostings(store, plans, driver, filters, k);
  return { total: found.total, exact: found.exact, hits: found.top.slice(offset).map((c) => toHit(store, c, terms)) };
}

/// Turns `regulationId`, `regulationIds` and `where` into one id set (their intersection).
function resolveFilters(db: Db, input: z.output<typeof searchArticlesSchema>, where: SQL | undefined): Filters {
  let ids: Set<string> | undefined;
  const restrict = (next: Iterable<string>) => {
    const set = new Set(next);
    ids = ids ? new Set([...ids].filter((id) => set.has(id))) : set;
  };
  if (input.regulationIds) restrict(input.regulationIds);
  if (input.regulationId) restrict([input.regulationId]);
  if (where) restrict(db.select({ id: regulations.id }).from(regulations).where(where).all().map((r) => r.id));
  return { kinds: input.kinds?.length ? [...new Set(input.kinds)] : undefined, regulationIds: ids ? [...ids] : undefined };
}

function allowedArticles(store: SearchStore, regulationIds: string[]): number {
  const sql = 'SELECT sum(articles) AS n FROM search_versions WHERE regulation_id IN (SELECT value FROM json_each(?))';
  return statement<{ n: number | null }>(store, sql).get(JSON.stringify(regulationIds))?.n ?? 0;
}

function allowedArticleIds(store: SearchStore, regulationIds: string[]): number[] {
  const sql = 'SELECT article_ids AS ids FROM search_versions WHERE regulation_id IN (SELECT value FROM json_each(?))';
  return statement<{ ids: string }>(store, sql)
    .all(JSON.stringify(regulationIds))
    .flatMap((r) => JSON.parse(r.ids) as number[]);
}

function toHit(store: SearchStore, c: Candidate, terms: QueryTerm[]): SearchHit {
  const row = statement<{ regulationId: string; regulationTitle: string; versionId: string; eid: string; number: number; sub: number; text: string }>(
    store,
    'SELECT a.regulation_id AS regulationId, r.title AS regulationTitle, a.version_id AS versionId, a.eid, a.number, a.sub, a.text' +
      ' FROM regulation_articles AS a JOIN regulations AS r ON r.id = a.regulation_id WHERE a.id = ?',
  ).get(c.articleId);
  if (!row) throw new Error(`article ${c.articleId} vanished during the search`);
  const { text, ...rest } = row;
  return { articleId: c.articleId, ...rest, score: Math.round(c.score * 10_000) / 10_000, ...makeSnippet(text, terms) };
}
