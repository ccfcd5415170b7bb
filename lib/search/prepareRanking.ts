import type { SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { allowedArticleMap } from './allowedArticles';
import { MAX_QUERY_LENGTH } from './limits';
import { planRankedTerms, type RankedTerm } from './planRankedTerms';
import { resolveFilters } from './resolveFilters';
import type { Filters } from './searchPlan';
import { parseSearchInput, searchDepthCheck, searchOptionFields } from './searchOptions';
import { lookupToken, searchStore, statement, type SearchStore } from './searchStore';

/// The input of a ranked search, validated at the boundary (messages are catalogue keys): up to
/// 200 weighted words, each weight positive and at most 100, plus the page and restrictions
/// `searchArticles` takes.
export const rankArticlesSchema = z
  .object({
    terms: z
      .array(
        z.object({
          text: z.string({ error: 'terms_invalid' }).max(MAX_QUERY_LENGTH),
          weight: z.number({ error: 'weight_invalid' }).positive().max(100),
        }),
        { error: 'terms_invalid' },
      )
      .max(MAX_QUERY_LENGTH),
    ...searchOptionFields,
  })
  .refine(...searchDepthCheck);

/// What `rankArticles` takes (see there); `where` is any drizzle condition on `regulations`.
export type RankArticlesInput = z.input<typeof rankArticlesSchema> & { where?: SQL };

/// Everything a ranked search has settled before it ranks: the planned terms (and how many the
/// cap dropped), the depth `k = offset + limit`, the number of indexed articles and the highest
/// article id, and the restrictions with the articles they keep (a byte map) and their number.
export interface RankingPlan {
  store: SearchStore;
  terms: RankedTerm[];
  dropped: number;
  limit: number;
  offset: number;
  k: number;
  indexed: number;
  maxArticleId: number;
  filters: Filters;
  allowed?: Buffer;
  allowedCount: number;
  /// The index's change counter (`search_stats.generation`) in this snapshot.
  generation: number;
}

/// Validates a ranked search and settles its plan; null when nothing can match (no term occurs
/// anywhere, the index is empty, or the restrictions keep no article). Throws
/// `validation_failed` for bad input. Call it in the read transaction the ranking runs in.
export function prepareRanking(db: Db, input: RankArticlesInput): RankingPlan | null {
  const parsed = parseSearchInput(rankArticlesSchema, input);
  const store = searchStore(db);
  const stats = statement<{ articles: number; generation: number }>(store, 'SELECT articles, generation FROM search_stats WHERE id = 1').get();
  const indexed = stats?.articles ?? 0;
  if (indexed <= 0) return null;
  const { terms, dropped } = planRankedTerms((token) => lookupToken(store, token), parsed.terms, indexed);
  if (terms.length === 0) return null;
  const filters = resolveFilters(db, parsed, input.where);
  if (filters.regulationIds?.length === 0) return null;
  const maxArticleId = statement<{ id: number | null }>(store, 'SELECT max(id) AS id FROM regulation_articles').get()?.id ?? 0;
  const restricted = filters.kinds !== undefined || filters.regulationIds !== undefined;
  const allowed = restricted ? allowedArticleMap(store, filters, maxArticleId) : undefined;
  if (allowed?.count === 0) return null;
  const { limit, offset } = parsed;
  return { store, terms, dropped, limit, offset, k: offset + limit, indexed, maxArticleId, filters, allowed: allowed?.map, allowedCount: allowed?.count ?? indexed, generation: stats?.generation ?? 0 };
}
