import { filterSql, insertTop, scoreText, sqlCheckableTerms, type Candidate, type Filters, type TermPlan } from './searchPlan';
import { statement, type SearchStore } from './searchStore';
import type { Found } from './walkPostings';

/// Reads every indexed article of the allowed regulations and scores the matching ones: the plan
/// when a filter keeps fewer articles than walking the postings would examine (always for a
/// search inside one regulation). Ranks exactly like `walkPostings`, so pages agree whichever
/// plan served them.
export function scanArticles(store: SearchStore, plans: TermPlan[], driver: TermPlan, filters: Filters, k: number): Found {
  const checked = sqlCheckableTerms(plans);
  const f = filterSql(filters, 'v.regulation_id');
  const where = [...f.where, ...checked.map(() => 'instr(a.text, ?) > 0')];
  const sql =
    'SELECT a.id AS articleId, a.text AS text FROM search_versions AS v' +
    ` CROSS JOIN regulation_articles AS a ON a.version_id = v.version_id${f.joins}` +
    (where.length ? ` WHERE ${where.join(' AND ')}` : '');
  return scoreTexts(statement<{ articleId: number; text: string }>(store, sql).iterate(...f.params, ...checked), plans, driver, k);
}

/// Scores every article read (those without every term drop out) and keeps the best `k`: the
/// matches of a scan, on either engine.
export function scoreTexts(rows: Iterable<{ articleId: number; text: string }>, plans: TermPlan[], driver: TermPlan, k: number): Found {
  const top: Candidate[] = [];
  let matched = 0;
  for (const row of rows) {
    const scored = scoreText(row.text, plans, driver);
    if (!scored) continue;
    matched++;
    insertTop(top, { articleId: row.articleId, ...scored }, k);
  }
  return { top, total: matched, exact: true };
}
