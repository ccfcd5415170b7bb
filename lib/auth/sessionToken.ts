import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { constantTimeEqual } from '@oslojs/crypto/subtle';

/// Name of the session cookie.
export const sessionCookieName = 'lawbench_session';
/// A session lives at most this long from sign-in, however often it is used (the cookie's age).
export const sessionLifetimeMs = 30 * 24 * 60 * 60 * 1000;
/// A session unused this long ends; every use in the last half of it extends it (within the
/// absolute lifetime above).
export const sessionIdleMs = 7 * 24 * 60 * 60 * 1000;

function randomPart(bytes: number): string {
  const b = new Uint8Array(bytes);
  crypto.getRandomValues(b);
  return encodeBase32LowerCaseNoPadding(b);
}

/// A new token `id.secret`: the id is looked up, the secret is only ever stored hashed.
export function generateSessionToken(): { id: string; secret: string; token: string } {
  const id = randomPart(15);
  const secret = randomPart(20);
  return { id, secret, token: `${id}.${secret}` };
}

/// SHA-256 of a session secret, hex encoded, as stored in the sessions table.
export function hashSessionSecret(secret: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(secret)));
}

/// Splits a cookie value into id and secret; null for anything malformed.
export function splitSessionToken(token: string | undefined | null): { id: string; secret: string } | null {
  if (!token || token.length > 200) return null;
  const parts = token.split('.');
  if (parts.length !== 2 || !/^[a-z2-7]{16,40}$/.test(parts[0]) || !/^[a-z2-7]{16,64}$/.test(parts[1])) return null;
  return { id: parts[0], secret: parts[1] };
}

/// Compares two stored-hash strings in constant time.
export function sameHash(a: string, b: string): boolean {
  const enc = new TextEncoder();
  const x = enc.encode(a);
  const y = enc.encode(b);
  return x.length === y.length && constantTimeEqual(x, y);
}
