import { NextResponse, type NextRequest } from 'next/server';
import { requestLocale } from '@/lib/api';
import { sessionCookieName, sessionLifetimeMs } from '@/lib/auth';
import { localeCookieName } from '@/lib/i18n';
import { collabPublicUrl } from '@/lib/drafting';
import { isCachedPublicPath, libraryGenerationNow, publicPageCache, publicPageKey, withFreshNonce, type CachedPage } from '@/lib/pagecache';
import { contentSecurityPolicy, newScriptNonce, nonPagePolicy, todayInChina } from '@/lib/shared';

/// True when every percent-escape of the path decodes to UTF-8 text; `%FF` or a cut sequence
/// such as `%E4%B8` would otherwise make Next.js fail while reading the route's parameters.
function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/// Runs before every request but Next's own files. Refuses a path that cannot be decoded with
/// 400 (JSON under /api, plain words elsewhere) instead of letting it become a server error.
/// Then, for pages: gives the answer its Content-Security-Policy with a fresh script nonce (which
/// Next.js reads from the request to mark its scripts), tells the layout which path is shown (for
/// navigation and the language switch) and, on page loads, pushes the session cookie's expiry forward so it follows the server's
/// sliding expiry (the server decides validity; the cookie only has to outlive it).
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (!decodable(pathname)) {
    if (pathname.startsWith('/api/')) return NextResponse.json({ error: { code: 'bad_request', message: 'The address contains characters that cannot be read.' } }, { status: 400 });
    return new NextResponse('这个网址含有无法识别的字符。 The address contains characters that cannot be read.', { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  const https = request.headers.get('x-forwarded-proto') === 'https' || request.nextUrl.protocol === 'https:';
  // The API and the feeds get nothing more: the feeds' answers are publicly cacheable, and a
  // shared cache must never keep one reader's session cookie to hand to the next.
  if (pathname.startsWith('/api/') || pathname.startsWith('/feeds/')) return secured(NextResponse.next(), https, nonPagePolicy);
  const nonce = newScriptNonce();
  const policy = contentSecurityPolicy({ nonce, collabOrigin: new URL(collabPublicUrl(request.headers.get('x-forwarded-host') ?? request.headers.get('host'), https)).origin, dev: process.env.NODE_ENV !== 'production' });
  const cached = await servePublicPage(request, nonce);
  if (cached) return secured(cached, https, null);
  const headers = new Headers(request.headers);
  headers.set('x-lawbench-path', pathname + request.nextUrl.search);
  headers.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers } });
  const token = request.cookies.get(sessionCookieName)?.value;
  if (request.method === 'GET' && token) {
    response.cookies.set(sessionCookieName, token, {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      maxAge: sessionLifetimeMs / 1000,
      secure: https,
    });
  }
  return secured(response, https, policy);
}

/// The header a page render for the cache carries, with this process's secret: that request is
/// rendered, not answered from the cache.
const fillHeader = 'x-lawbench-cache-fill';
const fillSlot = Symbol.for('lawbench.cacheFillToken');
function fillToken(): string {
  const g = globalThis as { [fillSlot]?: string };
  g[fillSlot] ??= crypto.randomUUID();
  return g[fillSlot];
}

/// Response headers that belong to one connection or one answer, never to a kept page.
const perAnswer = new Set(['set-cookie', 'content-length', 'content-encoding', 'transfer-encoding', 'connection', 'keep-alive', 'date']);

function pageResponse(kept: CachedPage, state: 'hit' | 'miss', nonce: string): NextResponse {
  const page = withFreshNonce(kept, nonce);
  const response = new NextResponse(Buffer.from(page.body), { status: 200, headers: page.headers });
  response.headers.set('x-lawbench-cache', state);
  return response;
}

/// The most-read pages — a regulation and its articles — for a reader without a session: answered
/// from the page cache while the library is unchanged, else rendered once (by a request to this
/// same server, without cookies but the language) and kept. Client navigations (RSC payloads)
/// and anything but a 200 HTML page pass through untouched. Each answer gets `nonce` in place of
/// the kept one. Null: render as usual.
async function servePublicPage(request: NextRequest, nonce: string): Promise<NextResponse | null> {
  const { pathname, search } = request.nextUrl;
  if (request.method !== 'GET' || !isCachedPublicPath(pathname)) return null;
  if (request.cookies.has(sessionCookieName) || request.headers.get(fillHeader) === fillToken()) return null;
  if (request.headers.has('rsc') || request.headers.has('next-router-prefetch') || request.nextUrl.searchParams.has('_rsc')) return null;
  const locale = requestLocale(request.headers);
  const key = publicPageKey({ path: pathname + search, locale, today: todayInChina() });
  const generation = await libraryGenerationNow();
  const cache = publicPageCache();
  const hit = cache.get(key, generation);
  if (hit) return pageResponse(hit, 'hit', nonce);
  const origin = process.env.LAWBENCH_INTERNAL_ORIGIN ?? process.env.__NEXT_PRIVATE_ORIGIN ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
  const languages = request.headers.get('accept-language');
  const rendered = await fetch(new URL(pathname + search, origin), {
    headers: { [fillHeader]: fillToken(), cookie: request.cookies.has(localeCookieName) ? `${localeCookieName}=${locale}` : '', ...(languages ? { 'accept-language': languages } : {}) },
    redirect: 'manual',
  });
  const page: CachedPage = { body: new Uint8Array(await rendered.arrayBuffer()), headers: [...rendered.headers].filter(([name]) => !perAnswer.has(name.toLowerCase())) };
  // A missing regulation or article, or a redirect, is answered as rendered and not kept.
  if (rendered.status !== 200 || !rendered.headers.get('content-type')?.startsWith('text/html')) return new NextResponse(Buffer.from(page.body), { status: rendered.status, headers: page.headers });
  cache.set(key, generation, page);
  return pageResponse(page, 'miss', nonce);
}

/// Adds the answer's Content-Security-Policy (unless it has its own already, as a kept page does)
/// and, under HTTPS, tells browsers to use nothing else for this site for a year.
function secured(response: NextResponse, https: boolean, policy: string | null): NextResponse {
  if (policy) response.headers.set('Content-Security-Policy', policy);
  if (https) response.headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  return response;
}

export const config = { matcher: ['/((?!_next/|favicon.ico).*)'] };
