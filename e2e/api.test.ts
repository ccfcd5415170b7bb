import { describe, expect, it } from 'vitest';
import { baseURL } from './browser';

const url = (p: string) => `${baseURL()}${p}`;
const json = { 'content-type': 'application/json' };

async function signInCookie(email: string, password = 'lawbench-demo'): Promise<string> {
  const res = await fetch(url('/api/v1/session'), { method: 'POST', headers: json, body: JSON.stringify({ email, password }) });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0];
}

describe('POST /api/v1/session', () => {
  it('signs in, sets an HttpOnly SameSite=Lax cookie, and /me then knows the user', async () => {
    const res = await fetch(url('/api/v1/session'), { method: 'POST', headers: json, body: JSON.stringify({ email: 'drafter2@demo.lawbench', password: 'lawbench-demo' }) });
    expect(res.status).toBe(200);
    expect((await res.json()).user).toMatchObject({ email: 'drafter2@demo.lawbench', role: 'drafter', name: '李明' });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const me = await fetch(url('/api/v1/me'), { headers: { cookie: cookie.split(';')[0] } });
    expect((await me.json()).user.email).toBe('drafter2@demo.lawbench');
  });

  it('answers a wrong password and an unknown account with the same 401', async () => {
    const wrong = await fetch(url('/api/v1/session'), { method: 'POST', headers: json, body: JSON.stringify({ email: 'admin@demo.lawbench', password: 'nope' }) });
    const ghost = await fetch(url('/api/v1/session'), { method: 'POST', headers: json, body: JSON.stringify({ email: 'ghost@demo.lawbench', password: 'nope' }) });
    expect(wrong.status).toBe(401);
    expect(ghost.status).toBe(401);
    expect(await wrong.json()).toEqual(await ghost.json());
  });

  it('refuses malformed JSON, a missing field, a wrong media type and a body over 1 MB', async () => {
    const malformed = await fetch(url('/api/v1/session'), { method: 'POST', headers: json, body: '{"email": ' });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.code).toBe('invalid_json');
    const missing = await fetch(url('/api/v1/session'), { method: 'POST', headers: json, body: '{"email":"a@b.c"}' });
    expect(missing.status).toBe(422);
    expect((await missing.json()).error.details.fields[0].path).toBe('password');
    const text = await fetch(url('/api/v1/session'), { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
    expect(text.status).toBe(415);
    const huge = await fetch(url('/api/v1/session'), { method: 'POST', headers: json, body: JSON.stringify({ email: 'x'.repeat(1_100_000), password: 'x' }) });
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.code).toBe('payload_too_large');
  });

  it('refuses a sign-in posted from another site', async () => {
    const res = await fetch(url('/api/v1/session'), {
      method: 'POST',
      headers: { ...json, origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' },
      body: JSON.stringify({ email: 'admin@demo.lawbench', password: 'lawbench-demo' }),
    });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('cross_origin');
  });

  it('answers in English when asked', async () => {
    const res = await fetch(url('/api/v1/me'), { headers: { 'accept-language': 'en-GB' } });
    expect((await res.json()).error.message).toBe('Please sign in first.');
  });
});

describe('DELETE /api/v1/session', () => {
  it('ends the session so the same cookie no longer works', async () => {
    const cookie = await signInCookie('volunteer@demo.lawbench');
    const out = await fetch(url('/api/v1/session'), { method: 'DELETE', headers: { cookie } });
    expect(out.status).toBe(204);
    expect((await fetch(url('/api/v1/me'), { headers: { cookie } })).status).toBe(401);
  });
});

describe('unknown API routes', () => {
  it('answer 404 in the JSON error shape', async () => {
    const res = await fetch(url('/api/v1/no/such/thing'));
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/json/);
    expect((await res.json()).error.code).toBe('not_found');
  });
});

describe('GET /api/v1/openapi.json', () => {
  it('documents the session endpoints', async () => {
    const doc = await (await fetch(url('/api/v1/openapi.json'))).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/session', '/api/v1/me']));
  });
});
