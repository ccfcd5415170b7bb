/// Reads one cookie from a `Cookie` header.
export function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) {
      try {
        return decodeURIComponent(part.slice(i + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/// A `Set-Cookie` value with the given attributes.
export function serializeCookie(
  name: string,
  value: string,
  opts: { httpOnly?: boolean; sameSite?: 'lax' | 'strict'; secure?: boolean; path?: string; expires?: Date; maxAge?: number },
): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, `Path=${opts.path ?? '/'}`];
  if (opts.expires) parts.push(`Expires=${opts.expires.toUTCString()}`);
  if (opts.maxAge !== undefined) parts.push(`Max-Age=${opts.maxAge}`);
  if (opts.httpOnly) parts.push('HttpOnly');
  if (opts.sameSite) parts.push(`SameSite=${opts.sameSite === 'lax' ? 'Lax' : 'Strict'}`);
  if (opts.secure) parts.push('Secure');
  return parts.join('; ');
}
