import { getEngine } from '@/db/engine';
import { validateSessionToken } from '@/lib/auth';
import { sessionCookieName } from '@/lib/auth';
import { isHttpsRequest } from '@/lib/auth';
import type { CurrentUser } from '@/lib/auth';
import { localeCookieName, resolveLocale, type Locale } from '@/lib/i18n';
import { readCookie } from '@/lib/shared';

/// What every API handler needs to know about the caller.
export type RequestContext = {
  user: CurrentUser | null;
  token: string | undefined;
  locale: Locale;
  secure: boolean;
  ip: string | null;
  /// The session the request is signed in with (null when signed out).
  sessionId: string | null;
};

type HeaderReader = { get(name: string): string | null };

/// The address a request came from. The web server (web-server/main.ts) has already replaced
/// `X-Forwarded-For` with the one address it believes, so the header is the client's own.
export function clientAddress(headers: HeaderReader): string | null {
  return headers.get('x-forwarded-for')?.split(',')[0]?.trim() || null;
}

/// The interface language of a request: the remembered choice, else the browser's preference.
export function requestLocale(headers: HeaderReader): Locale {
  return resolveLocale(readCookie(headers.get('cookie'), localeCookieName), headers.get('accept-language'));
}

/// Derives the caller (from the session cookie), language, scheme and address of a request.
export async function requestContext(request: Request): Promise<RequestContext> {
  const cookie = request.headers.get('cookie');
  const token = readCookie(cookie, sessionCookieName);
  const session = token ? await validateSessionToken(getEngine(), token) : null;
  return {
    user: session?.user ?? null,
    token,
    locale: requestLocale(request.headers),
    secure: isHttpsRequest(request.url, request.headers),
    ip: clientAddress(request.headers),
    sessionId: session?.sessionId ?? null,
  };
}

/// The origin of absolute links (feeds, e-mails): `PUBLIC_URL` when it is set, else the host and
/// scheme the visitor used (forwarded ones only from a trusted proxy: see web-server/), else
/// `fallback`'s.
export function originFromHeaders(headers: HeaderReader, fallback: { host: string; protocol: string }, configured = process.env.PUBLIC_URL): string {
  if (configured) return new URL(configured).origin;
  const host = headers.get('x-forwarded-host') ?? headers.get('host') ?? fallback.host;
  const proto = headers.get('x-forwarded-proto') ?? fallback.protocol.replace(':', '');
  return `${proto}://${host}`;
}

/// The origin of absolute links in a route's answer (see `originFromHeaders`).
export function publicOrigin(request: Request, configured = process.env.PUBLIC_URL): string {
  return originFromHeaders(request.headers, new URL(request.url), configured);
}
