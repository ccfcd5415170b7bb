/// A fresh nonce for one page's scripts: 16 random bytes, base64 (always 24 characters, so that a
/// cached page can take a new one in place: see lib/pagecache's `withFreshNonce`).
export function newScriptNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}

/// The Content-Security-Policy of an HTML page: scripts only with this answer's nonce (Next.js puts
/// it on every script it writes, and scripts they load inherit the trust), so neither an injected
/// `<script>` nor an inline event handler runs; nothing frames the site; forms post only to it;
/// sockets only to the collaboration server. Styles allow inline `style` attributes, which React
/// writes; they cannot run code.
export function contentSecurityPolicy({ nonce, collabOrigin, dev = false }: { nonce: string; collabOrigin: string; dev?: boolean }): string {
  return [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? ` 'unsafe-eval'` : ''}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self' data:`,
    `connect-src 'self' ${collabOrigin}`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ].join('; ');
}

/// The policy of answers that are not pages (JSON, feeds, files): they load nothing and run nothing.
export const nonPagePolicy = `default-src 'none'; frame-ancestors 'none'`;

/// The nonce a policy grants scripts, if any.
export function nonceOfPolicy(policy: string | null | undefined): string | null {
  return policy?.match(/'nonce-([A-Za-z0-9+/=]+)'/)?.[1] ?? null;
}
