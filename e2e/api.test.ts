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

describe('bills and drafts API', () => {
  it('opens a bill from pasted text, returns the draft as parse JSON and a collaboration ticket', async () => {
    const cookie = await signInCookie('drafter@demo.lawbench');
    const created = await fetch(url('/api/v1/bills'), {
      method: 'POST',
      headers: { ...json, cookie },
      body: JSON.stringify({ title: '接口测试条例', kind: 'local_regulation', from: { text: '接口测试条例\n\n第一条 为了测试。\n\n第二条 依照本条例第一条办理。' }, members: [{ email: 'reviewer@demo.lawbench', role: 'reviewer' }] }),
    });
    expect(created.status).toBe(201);
    const { id, draftId } = await created.json();
    expect(id).toBeTruthy();
    const draft = await (await fetch(url(`/api/v1/drafts/${draftId}`), { headers: { cookie } })).json();
    expect(draft.counts.articles).toBe(2);
    expect(draft.articles[1]).toMatchObject({ label: '第二条', eid: 'art_2' });
    const ticket = await fetch(url(`/api/v1/drafts/${draftId}/collab-ticket`), { method: 'POST', headers: { cookie } });
    expect(ticket.status).toBe(201);
    const t = await ticket.json();
    expect(t).toMatchObject({ room: draftId, access: 'write' });
    expect(t.url).toMatch(/^ws:\/\//);
    expect((await fetch(url('/api/v1/bills'), { headers: { cookie } }).then((r) => r.json())).items.map((b: { id: string }) => b.id)).toContain(id);

    const reviewer = await signInCookie('reviewer@demo.lawbench');
    expect((await (await fetch(url(`/api/v1/drafts/${draftId}/collab-ticket`), { method: 'POST', headers: { cookie: reviewer } })).json()).access).toBe('read');
    const outsider = await signInCookie('drafter2@demo.lawbench');
    expect((await fetch(url(`/api/v1/drafts/${draftId}`), { headers: { cookie: outsider } })).status).toBe(404);
    const citizen = await signInCookie('citizen@demo.lawbench');
    const refused = await fetch(url('/api/v1/bills'), { method: 'POST', headers: { ...json, cookie: citizen }, body: JSON.stringify({ title: '公众项目', kind: 'local_regulation' }) });
    expect(refused.status).toBe(403);
    const bad = await fetch(url('/api/v1/bills'), { method: 'POST', headers: { ...json, cookie }, body: JSON.stringify({ title: '', kind: 'nope' }) });
    expect(bad.status).toBe(422);
  });
});

describe('GET /api/v1/audit/head', () => {
  it('answers the head of the audit chain to anyone, the same head the transparency page shows', async () => {
    const res = await fetch(url('/api/v1/audit/head'));
    expect(res.status).toBe(200);
    const head = await res.json();
    // The demo seed's imports and bills are audited, so the chain is not empty.
    expect(head.seq).toBeGreaterThan(0);
    expect(head.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(new Date(head.at).toISOString()).toBe(head.at);
    const page = await (await fetch(url('/transparency'))).text();
    expect(page).toContain(head.hash);
    expect(page).toContain(`audit verify --expect ${head.seq}:${head.hash}`);
  });

  it('keeps the audit export to signed-in staff with the right to it', async () => {
    expect((await fetch(url('/api/v1/audit/export'))).status).toBe(401);
    const drafter = await signInCookie('drafter2@demo.lawbench');
    expect((await fetch(url('/api/v1/audit/export'), { headers: { cookie: drafter } })).status).toBe(403);
    const admin = await signInCookie('admin@demo.lawbench');
    const csv = await fetch(url('/api/v1/audit/export?action=regulation'), { headers: { cookie: admin } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(await csv.text()).toContain('regulation.import');
  });
});
