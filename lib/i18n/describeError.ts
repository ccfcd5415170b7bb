import { isAppError } from '@/lib/errors';
import { billStages, type BillStage } from '@/lib/shared';
import { errorMessage, isMessageKey, translate, type Locale } from './translate';
import { vocabularyLabel } from './vocabularyLabel';

/// The sentence to show for a failure: the catalogue entry of its specific key (e.g.
/// `last_admin`) or of its code; a parser's own sentence (already Chinese) is shown as written.
export function describeError(locale: Locale, error: unknown): string {
  if (!isAppError(error)) return errorMessage(locale, 'internal');
  const minutes = error.retryAfterSeconds ? Math.max(1, Math.ceil(error.retryAfterSeconds / 60)) : 0;
  // A size limit the failure names (`details.limit`, e.g. 64 KB); the API's general one otherwise.
  const details = (error.details ?? {}) as { limit?: unknown; stage?: unknown; articles?: unknown; number?: unknown; year?: unknown; formats?: unknown };
  const vars = {
    minutes,
    limit: typeof details.limit === 'string' ? details.limit : '1 MB',
    // The stage a refused move found the bill at, the articles a check names, a number taken.
    stage: typeof details.stage === 'string' && (billStages as readonly string[]).includes(details.stage) ? translate(locale, vocabularyLabel('billStage', details.stage as BillStage)) : '',
    articles: Array.isArray(details.articles) ? details.articles.join('、') : '',
    number: typeof details.number === 'number' ? details.number : '',
    year: typeof details.year === 'number' ? details.year : '',
    formats: Array.isArray(details.formats) ? details.formats.join(', ') : '',
  };
  if (error.message && error.message !== error.code) {
    if (isMessageKey(`err.${error.message}`)) return errorMessage(locale, error.message, vars);
    if (/[\u4e00-\u9fff]/.test(error.message)) return error.message;
  }
  return errorMessage(locale, error.code, vars);
}
