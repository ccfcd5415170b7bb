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
/// (token_id=?)`, no sort), feeding them to a `PostingWalk` until it stops.
export function walkPostings(store: SearchStore, plans: TermPlan[], driver: TermPlan, filters: Filters, k: number): Found {
  const walk = new PostingWalk(plans, driver, filters, k);
  const checked = walk.simple ? [] : sqlCheckableTerms(plans);
  const f = filterSql(filters, 'a.regulation_id', 'p.article_id');
  const where = ['p.token_id = ?', ...f.where, ...checked.map(() => 'instr(a.text, ?) > 0')];
  const sql =
    `SELECT p.article_id AS articleId, p.score AS score${walk.simple ? '' : ', a.text AS text'}` +
    ` FROM search_postings AS p CROSS JOIN regulation_articles AS a ON a.id = p.article_id${f.joins}` +
    ` WHERE ${where.join(' AND ')} ORDER BY p.score DESC, p.article_id`;
  for (const row of statement<PostingRow>(store, sql).iterate(driver.driver.id, ...f.params, ...checked)) if (!walk.take(row)) break;
  return walk.found(walk.needsCount() ? (statement<{ n: number }>(store, 'SELECT count(*) AS n FROM search_postings WHERE token_id = ? AND score > ?').get(driver.driver.id, walk.lastScore)?.n ?? 0) : 0);
}

/// A posting of the driver token as a walk reads it: the text comes along unless the query is
/// one one-token term (its stored score is then final).
export type PostingRow = { articleId: number; score: number; text?: string };

/// The state of a walk over the driver token's postings in stored-score order, whichever engine
/// reads them. A query of one one-token term (犬, 养犬, a word) needs no check: the stored score
/// is the final one, so the first `k` rows are the page. Otherwise each candidate is checked
/// against every term and scored from its text, and the walk stops at the first row whose bound —
/// the driver term scores at most the stored score of its token, every other term at most its
/// ceiling — cannot beat the k-th best, which makes the early stop exact.
export class PostingWalk {
  readonly simple: boolean;
  private readonly unfiltered: boolean;
  private readonly others: number;
  private readonly top: Candidate[] = [];
  private examined = 0;
  private matched = 0;
  private atLastScore = 0;
  private finished = true;
  lastScore = Infinity;

  constructor(
    private readonly plans: TermPlan[],
    private readonly driver: TermPlan,
    filters: Filters,
    private readonly k: number,
  ) {
    this.simple = plans.length === 1 && plans[0].term.single;
    this.unfiltered = !filters.kinds && !filters.regulationIds;
    this.others = plans.filter((p) => p !== driver).reduce((sum, p) => sum + p.weight * p.ceiling, 0);
  }

  /// Takes the next row in walk order; false when the walk is over (later rows cannot change the page).
  take(row: PostingRow): boolean {
    const { driver, k, top } = this;
    if (row.score !== this.lastScore) this.atLastScore = 0;
    this.lastScore = row.score;
    this.atLastScore++;
    if (this.simple) {
      this.matched++;
      top.push({ articleId: row.articleId, score: (driver.weight * row.score) / SCORE_SCALE, driverScore: row.score });
      return top.length < k || this.stop();
    }
    if (top.length >= k && top[top.length - 1].score >= (driver.weight * row.score + this.others) / SCORE_SCALE) return this.stop();
    if (++this.examined > MAX_CANDIDATES) return this.stop();
    const scored = scoreText(row.text ?? '', this.plans, driver);
    if (scored) {
      this.matched++;
      insertTop(top, { articleId: row.articleId, ...scored }, k);
    }
    return true;
  }

  private stop(): false {
    this.finished = false;
    return false;
  }

  /// Whether `found` needs the number of the driver's postings scored above `lastScore` (an
  /// early stop whose total is estimated from the share of matches so far).
  needsCount(): boolean {
    return !this.finished && !(this.simple && this.unfiltered);
  }

  /// The page and the number of matches: exact when every posting was read (or, for one unfiltered
  /// one-token term, the token's document count), else the share of matches among the postings
  /// walked (`above`, counted when `needsCount`, plus those at the last score) over the whole list.
  found(above: number): Found {
    const { top, matched, driver } = this;
    if (this.finished) return { top, total: matched, exact: true };
    if (!this.needsCount()) return { top, total: driver.driver.df, exact: true };
    const walked = above + this.atLastScore;
    return { top, total: Math.max(matched, Math.round((driver.driver.df * matched) / Math.max(walked, 1))), exact: false };
  }
}
