import 'server-only';
import { headers } from 'next/headers';

/// The origin that links in e-mails start with: `PUBLIC_URL` when set, else the scheme and host
/// this request came to (forwarded ones only from a trusted proxy: see web-server/).
export async function linkOrigin(): Promise<string> {
  if (process.env.PUBLIC_URL) return new URL(process.env.PUBLIC_URL).origin;
  const h = await headers();
  const proto = h.get('x-forwarded-proto') === 'https' ? 'https' : 'http';
  return `${proto}://${h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost'}`;
}
