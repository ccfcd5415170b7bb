import { isAppError } from '@/lib/errors';
import { appErrorOf } from './appErrorOf';
import { describeError, type Locale } from '@/lib/i18n';

/// The JSON error envelope `{"error": {"code", "message", "details"?}}` with the right status.
export function errorResponse(error: unknown, locale: Locale): Response {
  const e = appErrorOf(error);
  if (e.code === 'database_unavailable') console.error('[api] database unavailable:', error instanceof Error ? error.message : error);
  else if (!isAppError(error)) console.error('[api] unexpected error', error);
  const message = describeError(locale, e);
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
  if (e.retryAfterSeconds) headers['retry-after'] = String(e.retryAfterSeconds);
  const body = { error: { code: e.code, message, ...(e.details !== undefined ? { details: e.details } : {}) } };
  return new Response(JSON.stringify(body), { status: e.status, headers });
}

/// Any value but a promise, nested in an object or not: a body left unawaited would be sent as
/// `{}` (JSON has nothing of a promise), so the compiler refuses it.
type NotAPromise<T> = T extends PromiseLike<unknown> ? never : T extends object ? { [K in keyof T]: NotAPromise<T[K]> } : T;

/// A JSON success response.
export function jsonResponse<T>(body: NotAPromise<T>, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...init.headers },
  });
}
