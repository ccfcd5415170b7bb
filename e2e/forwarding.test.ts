import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort, waitForHttp, webServerArgs } from '../scripts/localServer';
import { baseURL } from './browser';

/// Tries `count` wrong passwords for `email`, each claiming the address `from(i)`; the statuses.
async function wrongPasswords(base: string, email: string, count: number, from: (i: number) => string): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) {
    const res = await fetch(`${base}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base, 'x-forwarded-for': from(i) },
      body: JSON.stringify({ email, password: 'not-the-password' }),
    });
    statuses.push(res.status);
  }
  return statuses;
}

const feedSelf = async (base: string, headers: Record<string, string> = {}) => {
  const xml = await (await fetch(`${base}/feeds/regulations.atom`, { headers })).text();
  return xml.match(/<link rel="self" href="([^"]+)"/)?.[1];
};

describe('forwarding headers from a visitor (no trusted proxy, the default)', () => {
  it('are ignored: forging a new address per guess does not escape the sign-in lock', async () => {
    const statuses = await wrongPasswords(baseURL(), 'forger@example.com', 6, (i) => `198.51.100.${i + 1}`);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('do not change the host that feed links name', async () => {
    expect(await feedSelf(baseURL(), { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' })).toBe(`${baseURL()}/feeds/regulations.atom`);
  });
});

describe('a web server with TRUSTED_PROXIES and PUBLIC_URL', () => {
  let server: ChildProcess;
  let base: string;
  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, webServerArgs(process.cwd(), port, '127.0.0.1'), {
      env: { ...process.env, DATABASE_PATH: inject('databasePath'), NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', TRUSTED_PROXIES: 'loopback', PUBLIC_URL: 'https://fagui.example.gov.cn' },
      stdio: 'ignore',
    });
    await waitForHttp(`${base}/api/v1/openapi.json`, 60_000);
  }, 90_000);
  afterAll(() => {
    server?.kill('SIGTERM');
  });

  it('believes the proxy: citizens behind it are counted apart, and one of them is locked alone', async () => {
    expect(await wrongPasswords(base, 'behind-proxy@example.com', 6, (i) => `203.0.113.${i + 1}, 127.0.0.1`)).toEqual([401, 401, 401, 401, 401, 401]);
    expect(await wrongPasswords(base, 'behind-proxy@example.com', 6, () => '203.0.113.200')).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('names PUBLIC_URL in feed links whatever host was asked for, and sends HSTS when the proxy says HTTPS', async () => {
    expect(await feedSelf(base, { 'x-forwarded-host': 'evil.example' })).toBe('https://fagui.example.gov.cn/feeds/regulations.atom');
    const res = await fetch(`${base}/regulations`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(res.headers.get('strict-transport-security')).toContain('max-age=31536000');
  });
});
