import { createHmac, randomBytes } from 'node:crypto';

// A secret per process unless LAWBENCH_ADDRESS_SECRET is set: the stored keys cannot be turned
// back into addresses by trying all 2^32 IPv4 addresses, and after a restart they no longer link
// to new comments at all; the rate-limit windows they serve last minutes.
const secret = process.env.LAWBENCH_ADDRESS_SECRET || randomBytes(32).toString('hex');

/// The first four groups of an IPv6 address (its /64), written out in full.
function ipv6Prefix(address: string): string {
  const [head, tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...new Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return groups
    .slice(0, 4)
    .map((g) => (parseInt(g, 16) || 0).toString(16))
    .join(':');
}

/// The key a sender's network address is counted under for the per-address rate limit: an HMAC,
/// never the address itself. IPv6 addresses count by their /64, which one household holds; an
/// IPv4 address mapped into IPv6 counts as itself.
export function addressKey(address: string): string {
  const ipv4 = address.match(/(\d{1,3}(?:\.\d{1,3}){3})$/)?.[1];
  const value = ipv4 ?? (address.includes(':') ? ipv6Prefix(address) : address);
  return createHmac('sha256', secret).update(value).digest('hex');
}
