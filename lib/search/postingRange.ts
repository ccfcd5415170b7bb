/// Which postings of one token to read: stored scores in `[from, upper)` (or exactly `score`,
/// after article id `after`), at most `limit` in index order (score descending, article id), and
/// only articles whose byte is 1 in `allowed` and in `wanted` (byte maps over article ids).
export interface PostingRange {
  from?: number;
  upper?: number;
  score?: number;
  after?: number;
  limit?: number;
  allowed?: Buffer;
  wanted?: Buffer;
}

/// The SELECT of `(article_id, score)` for a token's postings in `range`, with its named
/// parameters. Every condition is a key range of `search_postings` or a byte-map check on the
/// posting itself, so SQLite reads one stretch of the index and no article row.
export function postingRangeSql(tokenId: number, range: PostingRange): { sql: string; params: Record<string, unknown> } {
  const where = ['token_id = :token'];
  const params: Record<string, unknown> = { token: tokenId };
  const add = (condition: string, name: keyof PostingRange) => {
    if (range[name] === undefined) return;
    where.push(condition);
    params[name] = range[name];
  };
  add('score >= :from', 'from');
  add('score < :upper', 'upper');
  add('score = :score', 'score');
  add('article_id > :after', 'after');
  add("substr(:allowed, article_id + 1, 1) = x'01'", 'allowed');
  add("substr(:wanted, article_id + 1, 1) = x'01'", 'wanted');
  let sql = `SELECT article_id, score FROM search_postings WHERE ${where.join(' AND ')}`;
  if (range.limit !== undefined) {
    sql += ' ORDER BY score DESC, article_id LIMIT :limit';
    params.limit = range.limit;
  }
  return { sql, params };
}
