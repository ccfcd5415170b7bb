import { countTermOccurrences } from './findTermOccurrences';
import { MAX_RANKED_TERMS } from './limits';
import { queryTerms, type QueryTerm } from './queryTerms';
import { inverseDocumentFrequency, SCORE_SCALE, scoreToken } from './scoreToken';
import type { TokenRow } from './searchPlan';
import { isCjk } from './tokenize';

/// Ranked scores are counted in millionths, as integers, so that a sum does not depend on the
/// order it is added up in (the walk adds terms in one order, a check of its text in another):
/// equal scores are equal bit for bit and ties go to the article id every time.
export const MICRO = 1_000_000;

/// One term of a ranked search and what the ranking needs of it.
export interface RankedTerm {
  term: QueryTerm;
  weight: number;
  /// BM25 idf from the document frequency of the driver token (exact for a one-token term, an
  /// upper bound on the word's own frequency otherwise).
  idf: number;
  /// Points (millionths) per unit of stored score: weight × idf × MICRO / SCORE_SCALE.
  factor: number;
  /// The token whose postings stand for the term: its only token, or its rarest bigram, with
  /// its highest stored score (which may exceed `ceiling` for a longer word).
  driver: { token: string; id: number; df: number; maxScore: number };
  /// The highest stored score of any of its tokens: in no article can the term score more.
  ceiling: number;
  /// True when the term is one index token, so a posting's stored score is the term's own;
  /// otherwise a posting of the driver is only a candidate whose text is counted.
  exact: boolean;
  /// For a multi-token term of CJK characters only, the text SQLite's instr() checks first.
  instr: string | null;
}

/// The points a term earns in an article where its (driver's) stored score is `stored`: at
/// least one for any occurrence, so that an article scores above zero exactly when it contains
/// some term. Monotone in `stored`, which every bound of the ranking relies on.
export function termPoints(term: RankedTerm, stored: number): number {
  return stored > 0 ? Math.max(1, Math.round(term.factor * stored)) : 0;
}

/// The points a term earns in an article, counted in its folded text of `length` indexable
/// characters: the same number the posting gives for a one-token term.
export function termPointsInText(term: RankedTerm, folded: string, length: number): number {
  const tf = countTermOccurrences(folded, term.term);
  return tf > 0 ? termPoints(term, scoreToken(tf, length)) : 0;
}

/// Turns weighted words into ranked terms: each text is split like a query (punctuation
/// separates), a term given twice keeps its highest weight, terms with a token the index does not
/// hold are left out (they occur nowhere), and beyond `MAX_RANKED_TERMS` the lowest-weight, then
/// most common, terms are dropped (`dropped` counts them). Weights must be positive and finite.
/// `lookup` reads the token dictionary, on either engine.
export function planRankedTerms(lookup: (token: string) => TokenRow | undefined, input: readonly { text: string; weight: number }[], n: number): { terms: RankedTerm[]; dropped: number } {
  const byText = new Map<string, { term: QueryTerm; weight: number; order: number }>();
  for (const { text, weight } of input) {
    for (const term of queryTerms(text)) {
      const seen = byText.get(term.text);
      if (!seen) byText.set(term.text, { term, weight, order: byText.size });
      else if (weight > seen.weight) seen.weight = weight;
    }
  }
  const planned: (RankedTerm & { order: number })[] = [];
  for (const { term, weight, order } of byText.values()) {
    let driver: RankedTerm['driver'] | undefined;
    let ceiling = Infinity;
    for (const token of term.tokens) {
      const row = lookup(token);
      if (!row || row.df <= 0) {
        driver = undefined;
        break;
      }
      if (!driver || row.df < driver.df) driver = { token, id: row.id, df: row.df, maxScore: row.maxScore };
      ceiling = Math.min(ceiling, row.maxScore);
    }
    if (!driver) continue;
    const idf = inverseDocumentFrequency(driver.df, n);
    const cjkOnly = Array.from(term.text).every((ch) => isCjk(ch.codePointAt(0) ?? 0));
    planned.push({
      term, weight, idf, factor: (weight * idf * MICRO) / SCORE_SCALE, driver, ceiling, exact: term.single,
      instr: !term.single && cjkOnly ? term.text : null, order,
    });
  }
  planned.sort((a, b) => b.weight - a.weight || a.driver.df - b.driver.df || a.order - b.order);
  const kept = planned.slice(0, MAX_RANKED_TERMS).sort((a, b) => a.order - b.order);
  return { terms: kept.map(({ order: _order, ...t }) => t), dropped: planned.length - kept.length };
}
