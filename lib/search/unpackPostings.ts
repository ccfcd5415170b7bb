/// Postings read in one go: article ids, the driver's stored scores and the points the term earns
/// in each article (for a longer word not yet checked, the most it could earn), plus what the read
/// passed over: how many, the lowest and highest stored score, the highest article id among the
/// postings at the lowest score, and how many articles are known to hold the term.
export interface PostingBatch {
  n: number;
  ids: Float64Array;
  scores: Int32Array;
  points: Float64Array;
  /// For a longer word checked in SQL: 0 the article lacks it, 1 the driver's score is the
  /// word's, 2 the text must be counted. Empty otherwise.
  states: Uint8Array;
  low: number;
  high: number;
  last: number;
  matched: number;
}

/// Parses what SQLite's `group_concat` made of postings packed as `article_id * 32768 + score`
/// (times 4 plus a state when `withState`): a comma-separated list of integers, read digit by
/// digit (a tenth of the cost of a row object per posting). Points are left at 0.
export function unpackPostings(packed: string, withState: boolean): PostingBatch {
  let n = packed.length > 0 ? 1 : 0;
  for (let c = packed.indexOf(','); c >= 0; c = packed.indexOf(',', c + 1)) n++;
  const batch: PostingBatch = {
    n, ids: new Float64Array(n), scores: new Int32Array(n), points: new Float64Array(n), states: new Uint8Array(withState ? n : 0),
    low: 0, high: 0, last: -1, matched: 0,
  };
  let low = Infinity;
  let high = 0;
  let last = -1;
  let r = 0;
  let v = 0;
  for (let c = 0; c < packed.length; c++) {
    const ch = packed.charCodeAt(c);
    if (ch !== 44) v = v * 10 + ch - 48;
    if (ch !== 44 && c < packed.length - 1) continue;
    let posting = v;
    if (withState) {
      posting = Math.floor(v / 4);
      batch.states[r] = v - posting * 4;
    }
    const id = Math.floor(posting / 32_768);
    const score = posting - id * 32_768;
    batch.ids[r] = id;
    batch.scores[r] = score;
    r++;
    v = 0;
    if (score > high) high = score;
    if (score < low || (score === low && id > last)) {
      low = score;
      last = id;
    }
  }
  batch.low = n ? low : 0;
  batch.high = high;
  batch.last = last;
  return batch;
}
