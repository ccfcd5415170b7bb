import type { Db } from '@/db/client';
import type { Engine } from '@/db/engine';
import { rankOnPostgres } from './postgresRanking';
import { loadHit } from './loadHit';
import { MICRO } from './planRankedTerms';
import { postingCacheOf, type PostingCache } from './postingCache';
import { prepareRanking, type RankArticlesInput, type RankingPlan } from './prepareRanking';
import { rankAllowedArticles } from './rankAllowedArticles';
import { RANK_COSTS, rankPostings, type RankedFound, type RankStats } from './rankPostings';
import type { SearchResult } from './searchResult';
import { searchStore, statement } from './searchStore';

export { rankArticlesSchema, type RankArticlesInput } from './prepareRanking';

/// A word to rank by: CJK (a word of any length), latin or digits, with a positive weight (1 for
/// the asker's own words, less for a thesaurus's expansions).
export type WeightedTerm = { text: string; weight: number };

/// How many times a search starts over when an article it ranked has been deleted since it was
/// indexed (its postings outlive it until pruneSearchIndex).
const RETRIES = 3;

/// Ranked retrieval for a plain-language question: articles that contain any of the weighted
/// terms, best first by Σ weight × idf × BM25 term factor (ties by article id), so that an article
/// with more of the terms, or with the asker's own words rather than expansions, ranks higher. A
/// CJK word matches as a contiguous string, latin and digit words as whole words, as in
/// `searchArticles`, with the same page (`limit`, `offset`) and restrictions. The page is exactly
/// the one a full ranking of every matching article would give; `total` is exact when the walk
/// read every posting list through, an estimate otherwise (`exact: false`, also when a cap on
/// terms or candidates was hit). Throws `validation_failed` for bad input. See README.md.
/// `trace`, if given, is told what the walk did (postings read, candidates, completion steps).
export function rankArticles(db: Db, input: RankArticlesInput, trace?: (stats: RankStats) => void): SearchResult {
  // One read transaction, so that every statement of the walk sees the same index. Inside a
  // caller's transaction, which may have written to the index and may still roll back, the
  // posting cache is neither read nor filled.
  const store = searchStore(db);
  const cache = store.sqlite.inTransaction ? undefined : postingCacheOf(store);
  const ranked = store.sqlite.transaction(() => {
    const plan = prepareRanking(db, input);
    if (!plan) return null;
    cache?.sync(plan.generation);
    return rankInSnapshot(plan, cache);
  })();
  if (!ranked) return { total: 0, exact: true, hits: [] };
  trace?.(ranked.stats);
  return ranked.result;
}

/// `rankArticles` on either engine (on PostgreSQL, ranked exhaustively by the database:
/// postgresRanking.ts; the same pages).
export async function rankArticlesOn(engine: Engine, input: RankArticlesInput): Promise<SearchResult> {
  return engine.kind === 'sqlite' ? rankArticles(engine.db, input) : rankOnPostgres(engine, input);
}

function rankInSnapshot(plan: RankingPlan, cache: PostingCache | undefined): { result: SearchResult; stats: RankStats } {
  const { store, terms, filters, k, offset } = plan;
  // Passing over a posting with the allowed-articles check costs `scan`; reading an allowed
  // article's text costs `text`: with few allowed articles, reading them all is cheaper.
  const walkCost = terms.reduce((sum, t) => sum + t.driver.df, 0) * RANK_COSTS.scan;
  const readAll = plan.allowed !== undefined && plan.allowedCount * RANK_COSTS.text <= walkCost;
  const excluded = new Set<number>();
  let found: RankedFound;
  for (let attempt = 0; ; attempt++) {
    found = readAll
      ? rankAllowedArticles(store, terms, filters, k)
      : rankPostings(store, terms, k, { allowed: plan.allowed, allowedCount: plan.allowedCount, indexed: plan.indexed, excluded, maxArticleId: plan.maxArticleId, cache });
    const gone = new Set(found.vanished);
    const ids = found.top.map((c) => c.articleId);
    const live = new Set(statement<{ id: number }>(store, 'SELECT id FROM regulation_articles WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)).map((r) => r.id));
    for (const id of ids) if (!live.has(id)) gone.add(id);
    if (gone.size === 0 || attempt >= RETRIES) {
      found.top = found.top.filter((c) => !gone.has(c.articleId));
      break;
    }
    for (const id of gone) excluded.add(id);
  }
  const queryTerms = terms.map((t) => t.term);
  const hits = found.top.slice(offset).flatMap((c) => loadHit(store, c.articleId, c.points / MICRO, queryTerms) ?? []);
  const exact = found.exact && plan.dropped === 0 && excluded.size === 0;
  return { result: { total: found.total, exact, hits }, stats: found.stats };
}
