import { MAX_CANDIDATES } from './limits';
import { filterSql, insertTop, scoreText, sqlCheckableTerms, type Candidate, type Filters, type TermPlan } from './searchPlan';
import { SCORE_SCALE } from './scoreToken';
import { statement, type SearchStore } from './searchStore';

/// What a search plan found: the best `k` candidates in rank order and the number of matches
/// (exact, or estimated when the plan stopped early).
export interface Found {
  top: Candidate[];
  total: number;
  exact: boolean;
}

/// Walks the postings of the rarest token in stored-score order (`SEARCH … USING PRIMARY KEY
/// (token_id=?)`, no sort). A query of one one-token term (犬, 养犬, a word) needs no check: the
/// stored score is the final one, so the first `k` rows are the page. Otherwise each candidate is
/// checked against every term and scored from its text, and the walk stops at the first row
/// whose bound — the driver term scores at most the stored score of its token, every other term
/// at most its ceiling — cannot beat the k-th best, which makes the early stop exact.
export function walkPostings(store: SearchStore, plans: TermPlan[], driver: TermPlan, filters: Filters, k: number): Found {
  const simple = plans.length === 1 && plans[0].term.single;
  const unfiltered = !filters.kinds && !filters.regulationIds;
  const checked = simple ? [] : sqlCheckableTerms(plans);
  const f = filterSql(filters, 'a.regulation_id', 'p.article_id');
  const where = ['p.token_id = ?', ...f.where, ...checked.map(() => 'instr(a.text, ?) > 0')];
  const sql =
    `SELECT p.article_id AS articleId, p.score AS score${simple ? '' : ', a.text AS text'}` +
    ` FROM search_postings AS p CROSS JOIN regulation_articles AS a ON a.id = p.article_id${f.joins}` +
    ` WHERE ${where.join(' AND ')} ORDER BY p.score DESC, p.article_id`;
  const rows = statement<{ articleId: number; score: number; text?: string }>(store, sql).iterate(driver.driver.id, ...f.params, ...checked);
  const top: Candidate[] = [];
  const others = plans.filter((p) => p !== driver).reduce((sum, p) => sum + p.weight * p.ceiling, 0);
  let examined = 0;
  let matched = 0;
  let lastScore = Infinity;
  let atLastScore = 0;
  let finished = true;
  for (const row of rows) {
    if (row.score !== lastScore) atLastScore = 0;
    lastScore = row.score;
    atLastScore++;
    if (simple) {
      matched++;
      top.push({ articleId: row.articleId, score: (driver.weight * row.score) / SCORE_SCALE, driverScore: row.score });
      if (top.length >= k) {
        finished = false;
        break;
      }
      continue;
    }
    if (top.length >= k && top[top.length - 1].score >= (driver.weight * row.score + others) / SCORE_SCALE) {
      finished = false;
      break;
    }
    if (++examined > MAX_CANDIDATES) {
      finished = false;
      break;
    }
    const scored = scoreText(row.text ?? '', plans, driver);
    if (!scored) continue;
    matched++;
    insertTop(top, { articleId: row.articleId, ...scored }, k);
  }
  if (finished) return { top, total: matched, exact: true };
  if (simple && unfiltered) return { top, total: driver.driver.df, exact: true };
  // The share of matches among the postings walked so far, applied to the whole posting list.
  const above = statement<{ n: number }>(store, 'SELECT count(*) AS n FROM search_postings WHERE token_id = ? AND score > ?').get(driver.driver.id, lastScore)?.n ?? 0;
  const walked = above + atLastScore;
  return { top, total: Math.max(matched, Math.round((driver.driver.df * matched) / Math.max(walked, 1))), exact: false };
}
