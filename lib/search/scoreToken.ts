/// BM25 term-frequency saturation: how quickly repeated occurrences stop adding weight.
export const K1 = 1.2;
/// BM25 length normalisation: how much a long article is discounted.
export const B = 0.75;
/// The article length (indexable characters) treated as typical. A constant rather than the live
/// average, so a stored score never has to be recomputed when other articles come and go.
export const TYPICAL_LENGTH = 120;
/// Stored scores are integers: the BM25 factor (at most K1 + 1) times this scale, which keeps
/// every score under 32,767 (two bytes in a SQLite record).
export const SCORE_SCALE = 10_000;

/// The stored score of a token (or of a whole query term) that occurs `tf` times in an article
/// of `length` indexable characters: BM25's tf·(k1+1)/(tf + k1·(1−b+b·len/typical)), scaled to an
/// integer. Monotone in `tf`, so a phrase never scores above any of its bigrams in one article.
export function scoreToken(tf: number, length: number): number {
  if (tf <= 0) return 0;
  const norm = K1 * (1 - B + (B * Math.max(length, 1)) / TYPICAL_LENGTH);
  return Math.max(1, Math.round((SCORE_SCALE * tf * (K1 + 1)) / (tf + norm)));
}

/// The inverse document frequency weight of a term found in `df` of `n` indexed articles
/// (BM25's, shifted so that it is never negative).
export function inverseDocumentFrequency(df: number, n: number): number {
  return Math.log(1 + (Math.max(n, df) - df + 0.5) / (df + 0.5));
}
