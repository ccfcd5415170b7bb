import { termPoints, type RankedTerm } from './planRankedTerms';

/// The lowest stored score of `term` at which an article seen nowhere else could still reach
/// `theta`, given that the other lists can add at most `rest`: 1 means the whole list, one above
/// the driver's highest score means none of it.
export function lowestUsefulScore(term: RankedTerm, rest: number, theta: number): number {
  if (rest + termPoints(term, 1) >= theta) return 1;
  if (rest + termPoints(term, term.ceiling) < theta) return term.driver.maxScore + 1;
  let lo = 1; // too low
  let hi = term.ceiling; // enough
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (rest + termPoints(term, mid) >= theta) hi = mid;
    else lo = mid;
  }
  return hi;
}
