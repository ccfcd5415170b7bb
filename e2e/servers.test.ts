import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { baseURL } from './browser';

describe('the servers as started for production', () => {
  it('checkpoint the WAL from their worker thread instead of failing back to checkpoints inside requests', async () => {
    // A library page opens the web app's database, which starts the checkpointer.
    expect((await fetch(`${baseURL()}/regulations`)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1500));
    const log = readFileSync(inject('serverLog'), 'utf8');
    expect(log).not.toContain('WAL checkpointer stopped');
  });
});

describe('the session cookie', () => {
  it('is refreshed on pages but never set on a publicly cacheable feed', async () => {
    const signIn = await fetch(`${baseURL()}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: baseURL() },
      body: JSON.stringify({ email: 'volunteer@demo.lawbench', password: 'lawbench-demo' }),
    });
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0];
    const page = await fetch(`${baseURL()}/regulations`, { headers: { cookie } });
    expect(page.headers.get('set-cookie')).toContain('lawbench_session=');
    for (const feed of ['/feeds/regulations.atom', '/feeds/consultations.atom']) {
      const res = await fetch(`${baseURL()}${feed}`, { headers: { cookie } });
      expect(res.headers.get('cache-control')).toContain('public');
      expect(res.headers.get('set-cookie')).toBeNull();
    }
  });
});

// Every dynamic route, with each odd segment in place of its ids. `{x}` marks the slot.
const routes = [
  '/regulations/{x}',
  '/regulations/{x}/compare',
  '/regulations/{x}/articles/1',
  '/regulations/舟山市养犬管理条例/articles/{x}',
  '/regulations/{x}/articles/1/history',
  '/consultations/{x}',
  '/consultations/{x}/comment',
  '/consultations/{x}/report',
  '/bills/{x}',
  '/bills/{x}/workflow',
  '/bills/{x}/history/{x}',
  '/api/v1/regulations/{x}',
  '/api/v1/regulations/{x}/articles/1',
  '/api/v1/regulations/{x}/articles/{x}/history',
  '/api/v1/regulations/{x}/compare',
  '/api/v1/consultations/{x}',
  '/api/v1/consultations/{x}/comments',
  '/api/v1/bills/{x}',
  '/api/v1/drafts/{x}',
  '/api/v1/drafts/{x}/versions/{x}',
];
const odd = ['%25', '%FF', '%E4%B8', '%00', 'x'.repeat(3000)];

describe('odd ids in any route', () => {
  it('answer 4xx (or send a visitor to sign in), never a server error', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      for (const segment of odd) {
        const url = `${baseURL()}${route.replaceAll('{x}', segment)}`;
        const res = await fetch(url, { redirect: 'manual' });
        if (res.status >= 500) failures.push(`${res.status} ${route} with ${segment.slice(0, 12)}`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});

describe('security headers', () => {
  it('come with pages and API answers, and HSTS only behind HTTPS', async () => {
    for (const path of ['/', '/regulations', '/api/v1/openapi.json']) {
      const res = await fetch(`${baseURL()}${path}`);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
    const behindProxy = await fetch(`${baseURL()}/regulations`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(behindProxy.headers.get('strict-transport-security')).toContain('max-age=31536000');
  });
});
