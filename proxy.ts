import { NextResponse, type NextRequest } from 'next/server';
import { sessionCookieName, sessionLifetimeMs } from '@/lib/auth';

/// Runs before every page: tells the layout which path is shown (for navigation and the language
/// switch) and, on page loads, pushes the session cookie's expiry forward so it follows the
/// server's sliding expiry (the server decides validity; the cookie only has to outlive it).
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set('x-lawbench-path', request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers } });
  const token = request.cookies.get(sessionCookieName)?.value;
  if (request.method === 'GET' && token) {
    response.cookies.set(sessionCookieName, token, {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      maxAge: sessionLifetimeMs / 1000,
      secure: request.headers.get('x-forwarded-proto') === 'https' || request.nextUrl.protocol === 'https:',
    });
  }
  return response;
}

// Not the feeds: their answers are publicly cacheable, and a shared cache must never keep one
// reader's session cookie to hand to the next.
export const config = { matcher: ['/((?!_next/|api/|feeds/|favicon.ico).*)'] };
