import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';

/// Decides whether an address is a proxy whose forwarding headers we believe.
export type TrustProxy = (address: string, hop: number) => boolean;

/// The proxies named in `TRUSTED_PROXIES` (comma-separated addresses, CIDR ranges or the words
/// `loopback`, `linklocal`, `uniquelocal`); none when it is empty. A malformed list fails loudly
/// at start-up rather than trusting nothing or everything by accident.
export function trustedProxies(setting: string | undefined): TrustProxy {
  const list = (setting ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (list.length === 0) return () => false;
  try {
    return proxyaddr.compile(list);
  } catch (e) {
    throw new Error(`TRUSTED_PROXIES is not a list of addresses or ranges (${(e as Error).message}): ${setting}`);
  }
}

const forwarding = ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'x-real-ip', 'forwarded'];

/// Rewrites a request's forwarding headers so that the app can believe what it reads: from a
/// trusted proxy the client's address is the first untrusted hop of `X-Forwarded-For` and the
/// forwarded host and scheme stay; from anyone else every forwarding header is dropped and the
/// address is the socket's own. Afterwards `X-Forwarded-For` holds exactly one address.
export function settleForwardedHeaders(request: IncomingMessage, trust: TrustProxy): void {
  const peer = request.socket.remoteAddress ?? '';
  const fromProxy = peer !== '' && trust(peer, 0);
  const client = fromProxy ? proxyaddr(request, trust) : peer;
  const kept = fromProxy ? { host: firstValue(request.headers['x-forwarded-host']), proto: firstValue(request.headers['x-forwarded-proto']) } : {};
  for (const name of forwarding) delete request.headers[name];
  if (client) request.headers['x-forwarded-for'] = plainAddress(client);
  if (kept.host) request.headers['x-forwarded-host'] = kept.host;
  if (kept.proto === 'https' || kept.proto === 'http') request.headers['x-forwarded-proto'] = kept.proto;
}

// A proxy chain may list several hosts or schemes; the one nearest the visitor comes first.
function firstValue(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value?.split(',')[0]?.trim() || undefined;
}

// `::ffff:203.0.113.7` is how Node reports an IPv4 peer on a dual-stack socket.
function plainAddress(address: string): string {
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}
