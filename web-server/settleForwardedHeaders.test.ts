import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { settleForwardedHeaders, trustedProxies } from './settleForwardedHeaders';

let server: http.Server | undefined;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

/// What the app behind a server that settles with `trust` would see of a request sent with `headers`.
async function seenBehind(trust: string, headers: Record<string, string>): Promise<http.IncomingHttpHeaders> {
  const check = trustedProxies(trust);
  server = http.createServer((req, res) => {
    settleForwardedHeaders(req, check);
    res.end(JSON.stringify(req.headers));
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return (await fetch(`http://127.0.0.1:${port}/`, { headers })).json();
}

describe('settleForwardedHeaders', () => {
  it('keeps the socket address and drops every forwarding header when no proxy is trusted', async () => {
    const seen = await seenBehind('', { 'x-forwarded-for': '6.6.6.6', 'x-real-ip': '6.6.6.6', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https', forwarded: 'for=6.6.6.6' });
    expect(seen['x-forwarded-for']).toBe('127.0.0.1');
    expect(seen['x-real-ip']).toBeUndefined();
    expect(seen['x-forwarded-host']).toBeUndefined();
    expect(seen['x-forwarded-proto']).toBeUndefined();
    expect(seen.forwarded).toBeUndefined();
  });

  it('takes the first untrusted hop from a trusted proxy, with its host and scheme', async () => {
    const seen = await seenBehind('loopback, 10.0.0.0/8', { 'x-forwarded-for': '6.6.6.6, 203.0.113.7, 10.1.2.3', 'x-forwarded-host': 'fagui.example.gov.cn, inner', 'x-forwarded-proto': 'https' });
    expect(seen['x-forwarded-for']).toBe('203.0.113.7');
    expect(seen['x-forwarded-host']).toBe('fagui.example.gov.cn');
    expect(seen['x-forwarded-proto']).toBe('https');
  });

  it('answers a request from a trusted proxy without the header with the proxy itself', async () => {
    expect((await seenBehind('127.0.0.1', {}))['x-forwarded-for']).toBe('127.0.0.1');
  });

  it('ignores a scheme that is neither http nor https', async () => {
    expect((await seenBehind('loopback', { 'x-forwarded-proto': 'javascript' }))['x-forwarded-proto']).toBeUndefined();
  });
});

describe('trustedProxies', () => {
  it('trusts nobody by default', () => {
    expect(trustedProxies(undefined)('127.0.0.1', 0)).toBe(false);
    expect(trustedProxies(' ')('127.0.0.1', 0)).toBe(false);
  });

  it('refuses a malformed list at start-up', () => {
    expect(() => trustedProxies('10.0.0.0/99')).toThrow(/TRUSTED_PROXIES/);
  });
});
