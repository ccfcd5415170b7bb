import { isSameOriginRequest } from '@/lib/auth';
import { AppError } from '@/lib/errors';
import { errorResponse } from './errorResponse';
import { requestContext, requestLocale, type RequestContext } from './requestContext';

const mutating = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/// Runs an API handler: refuses cross-site mutations, resolves the caller, and turns every
/// failure into the JSON error envelope (never a stack trace).
export async function handleApi(request: Request, handler: (ctx: RequestContext) => Promise<Response> | Response): Promise<Response> {
  // Known before the caller is: a refusal of the request itself is still in the user's language.
  const fallbackLocale = requestLocale(request.headers);
  try {
    if (mutating.has(request.method) && !isSameOriginRequest(request.headers)) throw new AppError('cross_origin', 'cross_origin');
    const ctx = await requestContext(request);
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
