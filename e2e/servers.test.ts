import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseURL, launchBrowser, newContext, signInThroughForm } from './browser';

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
    // Only a proxy named in TRUSTED_PROXIES may say the visitor used HTTPS (see forwarding.test.ts).
    const claimed = await fetch(`${baseURL()}/regulations`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(claimed.headers.get('strict-transport-security')).toBeNull();
  });
});

describe('the Content-Security-Policy', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  const nonceIn = (policy: string | null) => policy?.match(/'nonce-([^']+)'/)?.[1];

  it('gives every page answer its own nonce, also when the page comes from the cache', async () => {
    const path = `/regulations/${encodeURIComponent('北京市审计条例')}`;
    const seen = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${baseURL()}${path}`);
      const policy = res.headers.get('content-security-policy');
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toContain("'strict-dynamic'");
      const nonce = nonceIn(policy)!;
      const html = await res.text();
      const nonces = new Set([...html.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]));
      expect([...nonces]).toEqual([nonce]);
      seen.add(nonce);
    }
    expect(seen.size).toBe(3);
    const api = await fetch(`${baseURL()}/api/v1/openapi.json`);
    expect(api.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it('lets the app run (the editor syncs) but not an injected inline handler', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (m.text().includes('Content Security Policy')) violations.push(m.text());
    });
    await signInThroughForm(page, 'drafter@demo.lawbench');
    await page.goto('/bills');
    await page.getByLabel('项目名称（法规标题）').fill('内容安全策略测试条例');
    await page.getByRole('button', { name: '创建并打开草案' }).click();
    await page.waitForURL(/\/bills\/[0-9a-f-]+$/);
    await page.locator('[data-testid="draft-status"][data-synced="true"]').waitFor({ timeout: 20_000 });
    expect(violations).toEqual([]);
    // What a stored-XSS payload would do once it reached the page: the policy stops it.
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img src="/no-such-image" onerror="window.__injected = 1">'));
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as { __injected?: number }).__injected)).toBeUndefined();
    expect(violations.length).toBeGreaterThan(0);
    await context.close();
  });
});
