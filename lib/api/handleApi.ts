import { isSameOriginRequest } from '@/lib/auth/checkOrigin';
import { AppError } from '@/lib/errors';
import { resolveLocale } from '@/lib/i18n';
import { readCookie } from './cookies';
import { errorResponse } from './errorResponse';
import { requestContext, type RequestContext } from './requestContext';
import { localeCookieName } from '@/lib/i18n';

const mutating = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/// Runs an API handler: refuses cross-site mutations, resolves the caller, and turns every
/// failure into the JSON error envelope (never a stack trace).
export async function handleApi(request: Request, handler: (ctx: RequestContext) => Promise<Response> | Response): Promise<Response> {
  const fallbackLocale = resolveLocale(readCookie(request.headers.get('cookie'), localeCookieName), request.headers.get('accept-language'));
  try {
    if (mutating.has(request.method) && !isSameOriginRequest(request.headers)) throw new AppError('cross_origin', 'cross_origin');
    const ctx = requestContext(request);
    return await handler(ctx);
  } catch (e) {
    return errorResponse(e, fallbackLocale);
  }
}

/// Throws `unauthenticated` unless someone is signed in.
export function requireUser(ctx: RequestContext) {
  if (!ctx.user) throw new AppError('unauthenticated', 'unauthenticated');
  return ctx.user;
}
