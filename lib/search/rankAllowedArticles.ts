import { termPointsInText, type RankedTerm } from './planRankedTerms';
import type { RankedFound, RankStats } from './rankPostings';
import { filterSql, type Filters } from './searchPlan';
import { statement, type SearchStore } from './searchStore';
import { foldText, indexedLength } from './tokenize';

/// Ranks the allowed articles by reading each one's text: the plan of a ranked search when its
/// restrictions keep fewer articles than walking the postings would pass over (a search inside
/// one regulation or a few). Scores exactly as `rankPostings` does, so both plans give one order.
export function rankAllowedArticles(store: SearchStore, terms: readonly RankedTerm[], filters: Filters, k: number): RankedFound {
  const f = filterSql(filters, 'v.regulation_id');
  const sql =
    'SELECT a.id AS id, a.text AS text FROM search_versions AS v' +
    ` CROSS JOIN regulation_articles AS a ON a.version_id = v.version_id${f.joins}` +
    (f.where.length ? ` WHERE ${f.where.join(' AND ')}` : '');
  const started = performance.now();
  const scored: { articleId: number; points: number }[] = [];
  let read = 0;
  for (const row of statement<{ id: number; text: string }>(store, sql).iterate(...f.params)) {
    read++;
    const folded = foldText(row.text);
    const length = indexedLength(row.text);
    let points = 0;
    for (const term of terms) points += termPointsInText(term, folded, length);
    if (points > 0) scored.push({ articleId: row.id, points });
  }
  scored.sort((a, b) => b.points - a.points || a.articleId - b.articleId);
  const stats: RankStats = {
    postingsRead: 0, postings: 0, listsExhausted: 0, listsSkipped: terms.length, candidates: scored.length, survivors: 0, completion: [], stepMs: [], stepSurvivors: [], textsRead: read,
    collectMs: performance.now() - started, completeMs: 0,
  };
  return { top: scored.slice(0, k), total: scored.length, exact: true, capped: false, vanished: [], stats };
}
