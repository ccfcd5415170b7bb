import type { Db } from '@/db/client';
import { AppError } from '@/lib/errors';
import { MAX_QUERY_LENGTH } from './limits';
import { searchStore, statement } from './searchStore';

/// One result of the LIKE baseline.
export interface LikeScanHit {
  articleId: number;
  regulationId: string;
  /// Occurrences per 100 characters of the article.
  score: number;
}

/// The naive baseline the benchmark and tests compare with: `text LIKE '%q%'` over every article
/// of the indexed versions (a full scan), ranked by occurrences per character. Not for the app.
export function likeScanSearch(db: Db, q: string, limit = 20): LikeScanHit[] {
  const needle = q.trim();
  if (needle.length === 0) throw new AppError('validation_failed', 'query_empty');
  if (needle.length > MAX_QUERY_LENGTH) throw new AppError('validation_failed', 'query_too_long');
  const pattern = `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const store = searchStore(db);
  return statement<LikeScanHit>(
    store,
    `SELECT a.id AS articleId, a.regulation_id AS regulationId,
            100.0 * (length(a.text) - length(replace(a.text, @needle, ''))) / length(@needle) / max(length(a.text), 1) AS score
       FROM search_versions AS v CROSS JOIN regulation_articles AS a ON a.version_id = v.version_id
      WHERE a.text LIKE @pattern ESCAPE '\\'
      ORDER BY score DESC, a.id LIMIT @limit`,
  ).all({ needle, pattern, limit });
}
