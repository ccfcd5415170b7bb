import { isAppError } from '@/lib/errors';
import { errorMessage, isMessageKey, type Locale } from './translate';

/// The sentence to show for a failure: the catalogue entry of its specific key (e.g.
/// `last_admin`) or of its code; a parser's own sentence (already Chinese) is shown as written.
export function describeError(locale: Locale, error: unknown): string {
  if (!isAppError(error)) return errorMessage(locale, 'internal');
  const minutes = error.retryAfterSeconds ? Math.max(1, Math.ceil(error.retryAfterSeconds / 60)) : 0;
  // A size limit the failure names (`details.limit`, e.g. 64 KB); the API's general one otherwise.
  const detailLimit = (error.details as { limit?: unknown } | undefined)?.limit;
  const vars = { minutes, limit: typeof detailLimit === 'string' ? detailLimit : '1 MB' };
  if (error.message && error.message !== error.code) {
    if (isMessageKey(`err.${error.message}`)) return errorMessage(locale, error.message, vars);
    if (/[\u4e00-\u9fff]/.test(error.message)) return error.message;
  }
  return errorMessage(locale, error.code, vars);
}
