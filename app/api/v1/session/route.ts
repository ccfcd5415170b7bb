import { getEngine, handleApi, jsonResponse, readJsonBody, sessionOperations } from '@/lib/api';
import { serializeCookie } from '@/lib/shared';
import { invalidateSession, sessionCookieName, sessionCookieOptions, signIn } from '@/lib/auth';
import { parseInput } from '@/lib/shared';

export const dynamic = 'force-dynamic';

/// Sign in with `{email, password}`: sets the session cookie and returns the user.
export function POST(request: Request) {
  return handleApi(request, async (ctx) => {
    const body = parseInput(sessionOperations.signIn.body, await readJsonBody(request));
    const { user, token, expiresAt } = await signIn(getEngine(), { ...body, ip: ctx.ip });
    return jsonResponse({ user }, { headers: { 'set-cookie': serializeCookie(sessionCookieName, token, sessionCookieOptions(ctx.secure, expiresAt)) } });
  });
}

/// Sign out: ends the session (if any) and clears the cookie.
export function DELETE(request: Request) {
  return handleApi(request, async (ctx) => {
    await invalidateSession(getEngine(), ctx.token);
    return new Response(null, { status: 204, headers: { 'set-cookie': serializeCookie(sessionCookieName, '', sessionCookieOptions(ctx.secure)) } });
  });
}
