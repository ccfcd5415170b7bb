import { nonceOfPolicy } from '@/lib/shared';
import type { CachedPage } from './pageCache';

/// A kept page as it must be answered this time: its script nonce — in the
/// Content-Security-Policy header and on every script of the body — replaced by `nonce`, so that
/// no two readers ever see the same one. Nonces have one length, so the body is patched in a copy
/// without moving any byte. A page without a nonce comes back as it was.
export function withFreshNonce(page: CachedPage, nonce: string): CachedPage {
  const policy = page.headers.find(([name]) => name.toLowerCase() === 'content-security-policy');
  const old = nonceOfPolicy(policy?.[1]);
  if (!old || old.length !== nonce.length) return page;
  const body = Buffer.from(page.body);
  const from = Buffer.from(old);
  const to = Buffer.from(nonce);
  for (let at = body.indexOf(from); at !== -1; at = body.indexOf(from, at + from.length)) to.copy(body, at);
  const headers = page.headers.map(([name, value]): [string, string] => [name, name.toLowerCase() === 'content-security-policy' ? value.replaceAll(old, nonce) : value]);
  return { body, headers };
}
