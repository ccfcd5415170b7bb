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
