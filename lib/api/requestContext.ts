import { validateSessionToken } from '@/lib/auth/validateSessionToken';
import { sessionCookieName } from '@/lib/auth/sessionToken';
import { isHttpsRequest } from '@/lib/auth/checkOrigin';
import type { CurrentUser } from '@/lib/auth/roles';
import { localeCookieName, resolveLocale, type Locale } from '@/lib/i18n';
import { readCookie } from './cookies';

/// What every API handler needs to know about the caller.
export type RequestContext = {
  user: CurrentUser | null;
  token: string | undefined;
  locale: Locale;
  secure: boolean;
  ip: string | null;
};

/// Derives the caller (from the session cookie), language, scheme and address of a request.
export function requestContext(request: Request): RequestContext {
  const cookie = request.headers.get('cookie');
  const token = readCookie(cookie, sessionCookieName);
  const session = token ? validateSessionToken(token) : null;
  const ip = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || request.headers.get('x-real-ip') || null;
  return {
    user: session?.user ?? null,
    token,
    locale: resolveLocale(readCookie(cookie, localeCookieName), request.headers.get('accept-language')),
    secure: isHttpsRequest(request.url, request.headers),
    ip,
  };
}
