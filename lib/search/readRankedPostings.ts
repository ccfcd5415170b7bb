import { termPoints, type RankedTerm } from './planRankedTerms';
import { readCachedRange, type PostingCache } from './postingCache';
import { postingRangeSql, type PostingRange } from './postingRange';
import { scoreWordPostings } from './scoreWordPostings';
import { statement, type SearchStore } from './searchStore';
import { unpackPostings, type PostingBatch } from './unpackPostings';

/// Reads the postings of a ranked term in `range` with the points the term earns in each article
/// (0 where a longer word's article lacks it). A one-token term's postings come back from SQLite
/// as one string of packed integers; a longer word's are checked against the text
/// (`scoreWordPostings`), unless `unchecked`: then every driver posting comes with the most the
/// word can earn there (its points at the driver's score, at most at the term's ceiling).
/// With a `cache`, a list it keeps is read from memory (the same postings, in the same order).
export function readRankedPostings(store: SearchStore, term: RankedTerm, range: PostingRange, unchecked = false, cache?: PostingCache): PostingBatch {
  if (!term.exact && !unchecked) return scoreWordPostings(store, term, range);
  const list = cache?.get(store, term.driver.id, term.driver.df);
  const batch = list ? readCachedRange(list, range) : readFromIndex(store, term.driver.id, range);
  for (let r = 0; r < batch.n; r++) batch.points[r] = termPoints(term, Math.min(batch.scores[r], term.ceiling));
  if (term.exact) batch.matched = batch.n;
  return batch;
}

function readFromIndex(store: SearchStore, tokenId: number, range: PostingRange): PostingBatch {
  const { sql, params } = postingRangeSql(tokenId, range);
  const packed = statement<{ packed: string | null }>(store, `SELECT group_concat(article_id * 32768 + score) AS packed FROM (${sql})`).get(params)?.packed;
  return unpackPostings(packed ?? '', false);
}
