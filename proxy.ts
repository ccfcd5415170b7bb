import { NextResponse, type NextRequest } from 'next/server';
import { sessionCookieName, sessionLifetimeMs } from '@/lib/auth';

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
/// Then, for pages: tells the layout which path is shown (for navigation and the language switch)
/// and, on page loads, pushes the session cookie's expiry forward so it follows the server's
/// sliding expiry (the server decides validity; the cookie only has to outlive it).
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (!decodable(pathname)) {
    if (pathname.startsWith('/api/')) return NextResponse.json({ error: { code: 'bad_request', message: 'The address contains characters that cannot be read.' } }, { status: 400 });
    return new NextResponse('这个网址含有无法识别的字符。 The address contains characters that cannot be read.', { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  const https = request.headers.get('x-forwarded-proto') === 'https' || request.nextUrl.protocol === 'https:';
  // The API and the feeds get nothing more: the feeds' answers are publicly cacheable, and a
  // shared cache must never keep one reader's session cookie to hand to the next.
  if (pathname.startsWith('/api/') || pathname.startsWith('/feeds/')) return strictTransport(NextResponse.next(), https);
  const headers = new Headers(request.headers);
  headers.set('x-lawbench-path', pathname + request.nextUrl.search);
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
  return strictTransport(response, https);
}

/// Under HTTPS, tells browsers to use nothing else for this site for a year.
function strictTransport(response: NextResponse, https: boolean): NextResponse {
  if (https) response.headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  return response;
}

export const config = { matcher: ['/((?!_next/|favicon.ico).*)'] };
