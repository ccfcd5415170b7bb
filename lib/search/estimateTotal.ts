import type { RankedTerm } from './planRankedTerms';

/// What the walk counted of one term's list: for a longer word, the driver postings whose text
/// was checked and those that held the word (0 and 0 for a one-token term).
export interface ListCounts {
  checked: number;
  matched: number;
}

/// The number of matching articles when the walk did not read every list: how many of the
/// `allowed` articles a union of independent lists of the terms' sizes would cover (a longer
/// word's size scaled by the share of the checked driver postings that held it), and never fewer
/// than the articles known to match.
export function estimateTotal(terms: readonly RankedTerm[], lists: readonly ListCounts[], matching: number, indexed: number, allowed: number): number {
  let none = 1;
  terms.forEach((t, i) => {
    const df = t.exact || lists[i].checked === 0 ? t.driver.df : (t.driver.df * lists[i].matched) / lists[i].checked;
    none *= 1 - Math.min(df / Math.max(indexed, 1), 1);
  });
  return Math.max(matching, Math.round(allowed * (1 - none)));
}
