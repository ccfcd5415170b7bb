import type { Db } from '@/db/client';
import { loadHit } from './loadHit';
import { MICRO } from './planRankedTerms';
import { readRankedPostings } from './readRankedPostings';
import { prepareRanking, type RankArticlesInput } from './prepareRanking';
import type { SearchResult } from './searchResult';
import { searchStore } from './searchStore';

/// The exhaustive baseline of `rankArticles`, for the bench and tests: the same terms, scores
/// and order, but every posting of every term is read and scored (a longer word's driver postings
/// checked in the text), then all matching articles are sorted. Its first page is what
/// `rankArticles` must return; its cost is what pruning saves.
export function rankExhaustively(db: Db, input: RankArticlesInput): SearchResult {
  return searchStore(db).sqlite.transaction((): SearchResult => {
    const plan = prepareRanking(db, input);
    if (!plan) return { total: 0, exact: true, hits: [] };
    const { store, terms, k, offset, allowed } = plan;
    const points = new Float64Array(plan.maxArticleId + 1);
    for (const term of terms) {
      const batch = readRankedPostings(store, term, { allowed });
      for (let r = 0; r < batch.n; r++) if (batch.ids[r] <= plan.maxArticleId) points[batch.ids[r]] += batch.points[r];
    }
    const scored: { articleId: number; points: number }[] = [];
    for (let id = 0; id < points.length; id++) if (points[id] > 0) scored.push({ articleId: id, points: points[id] });
    scored.sort((a, b) => b.points - a.points || a.articleId - b.articleId);
    const queryTerms = terms.map((t) => t.term);
    const hits = scored.slice(offset, k).flatMap((c) => loadHit(store, c.articleId, c.points / MICRO, queryTerms) ?? []);
    return { total: scored.length, exact: plan.dropped === 0, hits };
  })();
}
