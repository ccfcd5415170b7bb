import { countTermOccurrences } from './findTermOccurrences';
import { queryTerms, type QueryTerm } from './queryTerms';
import { inverseDocumentFrequency, SCORE_SCALE, scoreToken } from './scoreToken';
import { foldText, indexedLength, isCjk } from './tokenize';
import type { RegulationKind } from '@/lib/shared/vocabulary';

/// How one query term takes part in a search: its idf weight, the highest score it can reach in
/// any article, and its rarest index token (the one whose postings would be walked for it).
export interface TermPlan {
  term: QueryTerm;
  weight: number;
  ceiling: number;
  driver: { token: string; id: number; df: number };
}

/// A scored article. Ties on `score` are broken by `driverScore` (the stored score of the walked
/// token) and then by article id: the order in which the postings walk meets them, which is
/// what lets the walk stop at the first row that cannot beat the page (see walkPostings).
export interface Candidate {
  articleId: number;
  score: number;
  driverScore: number;
}

/// Restrictions already resolved to plain values: regulation kinds and a set of regulation ids,
/// and, when that set is small, the ids of its indexed articles (checked on the posting itself,
/// before the article row is read).
export interface Filters {
  kinds?: RegulationKind[];
  regulationIds?: string[];
  articleIds?: number[];
}

/// A token's dictionary row, as the plan needs it.
export type TokenRow = { id: number; df: number; maxScore: number };

/// Looks up the tokens of every term (`lookup`: the dictionary, on either engine); null when
/// some token is not indexed (nothing can match).
export function planTerms(lookup: (token: string) => TokenRow | undefined, terms: QueryTerm[], n: number): TermPlan[] | null {
  const plans: TermPlan[] = [];
  for (const term of terms) {
    let driver: TermPlan['driver'] | undefined;
    let ceiling = Infinity;
    for (const token of term.tokens) {
      const row = lookup(token);
      if (!row || row.df <= 0) return null;
      if (!driver || row.df < driver.df) driver = { token, id: row.id, df: row.df };
      ceiling = Math.min(ceiling, row.maxScore);
    }
    if (!driver) return null;
    plans.push({ term, weight: inverseDocumentFrequency(driver.df, n), ceiling, driver });
  }
  return plans;
}

/// Scores an article's text against all terms (Σ idf × BM25 factor of the term's count), with
/// the driver token's own score for tie-breaking; null when a term is missing.
export function scoreText(text: string, plans: TermPlan[], driver: TermPlan): { score: number; driverScore: number } | null {
  const folded = foldText(text);
  let length = -1;
  let score = 0;
  for (const plan of plans) {
    const tf = countTermOccurrences(folded, plan.term);
    if (tf === 0) return null;
    if (length < 0) length = indexedLength(text);
    score += plan.weight * scoreToken(tf, length);
  }
  const driverTerm = driver.term.single ? driver.term : queryTerms(driver.driver.token)[0];
  const driverScore = scoreToken(countTermOccurrences(folded, driverTerm), length);
  return { score: score / SCORE_SCALE, driverScore };
}

/// True when `a` ranks above `b`.
export function ranksBefore(a: Candidate, b: Candidate): boolean {
  if (a.score !== b.score) return a.score > b.score;
  if (a.driverScore !== b.driverScore) return a.driverScore > b.driverScore;
  return a.articleId < b.articleId;
}

/// Inserts into `top`, kept in rank order and at most `k` long.
export function insertTop(top: Candidate[], c: Candidate, k: number): void {
  if (top.length >= k && !ranksBefore(c, top[top.length - 1])) return;
  let lo = 0;
  let hi = top.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranksBefore(top[mid], c)) lo = mid + 1;
    else hi = mid;
  }
  top.splice(lo, 0, c);
  if (top.length > k) top.pop();
}

/// Terms made only of CJK characters can be checked by SQLite's instr() on the raw text before
/// a row reaches JavaScript (folding does not change CJK characters); terms with latin or digit
/// characters need folding and word edges, so they are checked in JavaScript only.
export function sqlCheckableTerms(plans: TermPlan[]): string[] {
  return plans.filter((p) => Array.from(p.term.text).every((ch) => isCjk(ch.codePointAt(0) ?? 0))).map((p) => p.term.text);
}

/// The joins, conditions and parameters that apply `filters` in SQL, given the column that holds
/// the regulation id of a row and, for postings, the column that holds the article id.
export function filterSql(filters: Filters, regulationColumn: string, articleColumn?: string): { joins: string; where: string[]; params: string[] } {
  const where: string[] = [];
  const params: string[] = [];
  let joins = '';
  if (filters.kinds) {
    joins = ` CROSS JOIN regulations AS r ON r.id = ${regulationColumn}`;
    where.push('r.kind IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(filters.kinds));
  }
  if (articleColumn && filters.articleIds) {
    where.push(`${articleColumn} IN (SELECT value FROM json_each(?))`);
    params.push(JSON.stringify(filters.articleIds));
  } else if (filters.regulationIds) {
    where.push(`${regulationColumn} IN (SELECT value FROM json_each(?))`);
    params.push(JSON.stringify(filters.regulationIds));
  }
  return { joins, where, params };
}

/// Up to this many allowed articles, a filtered walk checks the posting's article id against the
/// set instead of reading each walked article's row for its regulation id.
const ARTICLE_SET_LIMIT = 20_000;

/// Reading one allowed article costs about this many walked postings (see choosePlan).
const SCAN_COST = 6;

/// How a search reads its matches: `walk` the driver token's postings, `walk-set` the same with
/// the allowed articles' ids checked on each posting (a filter that keeps at most
/// `ARTICLE_SET_LIMIT` articles), or `scan` the allowed articles themselves. A filtered walk
/// examines about k·n/allowed postings (at most the whole list); reading the allowed articles
/// instead costs about `SCAN_COST` postings' worth each (text, instr, scoring in JavaScript),
/// measured on the 10,000-regulation bench library.
export function choosePlan(p: { filters: Filters; driverDf: number; n: number; k: number; allowed: number }): 'walk' | 'walk-set' | 'scan' {
  if (!p.filters.regulationIds) return 'walk';
  const walkRows = Math.min(p.driverDf, (p.k * p.n) / Math.max(p.allowed, 1));
  if (SCAN_COST * p.allowed < walkRows) return 'scan';
  return p.allowed <= ARTICLE_SET_LIMIT ? 'walk-set' : 'walk';
}
