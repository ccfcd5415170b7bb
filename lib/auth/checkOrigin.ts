/// Cross-site request forgery guard for mutations (Lucia design): a browser request must come from
/// our own origin. `Sec-Fetch-Site` is trusted when present; otherwise `Origin` must match `Host`.
/// Requests with neither header come from non-browser clients, which cannot ride a user's cookie.
export function isSameOriginRequest(headers: { get(name: string): string | null }): boolean {
  const site = headers.get('sec-fetch-site');
  if (site) return site === 'same-origin' || site === 'none';
  const origin = headers.get('origin');
  if (!origin) return true;
  const host = headers.get('x-forwarded-host') ?? headers.get('host');
  if (!host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/// The cookie attributes of the session cookie: HttpOnly, SameSite=Lax, Secure under HTTPS.
export function sessionCookieOptions(secure: boolean, expiresAt?: Date) {
  return { httpOnly: true, sameSite: 'lax' as const, secure, path: '/', ...(expiresAt ? { expires: expiresAt } : { maxAge: 0 }) };
}

/// True when the request reached us over HTTPS (directly or through a proxy that says so).
export function isHttpsRequest(url: string, headers: { get(name: string): string | null }): boolean {
  return headers.get('x-forwarded-proto') === 'https' || url.startsWith('https:');
}
