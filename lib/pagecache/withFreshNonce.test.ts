import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, newScriptNonce } from '@/lib/shared';
import { withFreshNonce } from './withFreshNonce';

const kept = (nonce: string) => ({
  body: new TextEncoder().encode(`<html><script nonce="${nonce}" src="/a.js"></script><p>正文</p><script nonce="${nonce}">self.__next_f.push([1])</script></html>`),
  headers: [['content-type', 'text/html; charset=utf-8'], ['Content-Security-Policy', contentSecurityPolicy({ nonce, collabOrigin: 'ws://localhost:1234' })]] as [string, string][],
});

describe('withFreshNonce', () => {
  it('puts the new nonce on every script and in the policy, leaving the rest of the page as it was', () => {
    const old = newScriptNonce();
    const fresh = newScriptNonce();
    const page = withFreshNonce(kept(old), fresh);
    const html = new TextDecoder().decode(page.body);
    expect(html).toBe(new TextDecoder().decode(kept(fresh).body));
    expect(page.headers[1][1]).toContain(`'nonce-${fresh}'`);
    expect(page.headers[1][1]).not.toContain(old);
    expect(page.headers[0]).toEqual(['content-type', 'text/html; charset=utf-8']);
  });

  it('leaves the kept copy untouched, so the next answer can swap again', () => {
    const old = newScriptNonce();
    const page = kept(old);
    withFreshNonce(page, newScriptNonce());
    expect(new TextDecoder().decode(page.body)).toContain(`nonce="${old}"`);
  });

  it('returns a page without a policy as it is', () => {
    const page = { body: new Uint8Array([1, 2]), headers: [] as [string, string][] };
    expect(withFreshNonce(page, newScriptNonce())).toBe(page);
  });
});

describe('contentSecurityPolicy', () => {
  it('allows scripts only with the nonce, frames nowhere, and sockets only to the collaboration server', () => {
    const policy = contentSecurityPolicy({ nonce: 'abc', collabOrigin: 'wss://collab.example.gov.cn' });
    expect(policy).toContain(`script-src 'self' 'nonce-abc' 'strict-dynamic';`);
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).toContain(`frame-ancestors 'none'`);
    expect(policy).toContain(`connect-src 'self' wss://collab.example.gov.cn;`);
    expect(newScriptNonce()).toHaveLength(24);
  });
});
