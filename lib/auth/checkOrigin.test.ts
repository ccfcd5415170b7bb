import { describe, expect, it } from 'vitest';
import { isHttpsRequest, isSameOriginRequest, sessionCookieOptions } from './checkOrigin';
import { sessionCookieName } from './sessionToken';

const h = (o: Record<string, string>) => new Headers(o);

describe('isSameOriginRequest', () => {
  it('accepts same-origin browser requests and clients that send no browser headers', () => {
    expect(isSameOriginRequest(h({ 'sec-fetch-site': 'same-origin', origin: 'http://a.test' }))).toBe(true);
    expect(isSameOriginRequest(h({ origin: 'http://localhost:3000', host: 'localhost:3000' }))).toBe(true);
    expect(isSameOriginRequest(h({ host: 'localhost:3000' }))).toBe(true);
  });

  it('accepts a request the person started themselves (typed address, bookmark): Sec-Fetch-Site none', () => {
    expect(isSameOriginRequest(h({ 'sec-fetch-site': 'none', origin: 'http://evil.test', host: 'localhost:3000' }))).toBe(true);
  });

  it('compares the Origin with the host a proxy forwarded, when there is one', () => {
    expect(isSameOriginRequest(h({ origin: 'https://fagui.example.gov.cn', host: '127.0.0.1:3000', 'x-forwarded-host': 'fagui.example.gov.cn' }))).toBe(true);
    expect(isSameOriginRequest(h({ origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000', 'x-forwarded-host': 'fagui.example.gov.cn' }))).toBe(false);
  });

  it('refuses cross-site requests and mismatched or broken origins', () => {
    expect(isSameOriginRequest(h({ 'sec-fetch-site': 'cross-site', origin: 'http://localhost:3000', host: 'localhost:3000' }))).toBe(false);
    expect(isSameOriginRequest(h({ 'sec-fetch-site': 'same-site' }))).toBe(false);
    expect(isSameOriginRequest(h({ origin: 'http://evil.test', host: 'localhost:3000' }))).toBe(false);
    expect(isSameOriginRequest(h({ origin: 'null', host: 'localhost:3000' }))).toBe(false);
  });

  it('refuses a browser request that names its origin but no host to compare it with', () => {
    expect(isSameOriginRequest(h({ origin: 'http://localhost:3000' }))).toBe(false);
  });
});

describe('sessionCookieOptions', () => {
  it('sets an HttpOnly, SameSite=Lax cookie for the whole site that expires with the session', () => {
    const expiresAt = new Date('2026-03-08T00:00:00Z');
    expect(sessionCookieOptions(true, expiresAt)).toEqual({ httpOnly: true, sameSite: 'lax', secure: true, path: '/', expires: expiresAt });
  });

  it('clears the cookie at once (max-age 0) when no expiry is given, Secure only under HTTPS', () => {
    expect(sessionCookieOptions(false)).toEqual({ httpOnly: true, sameSite: 'lax', secure: false, path: '/', maxAge: 0 });
  });

  it('names the cookie as every release has: another name would sign everyone out at the next one', () => {
    expect(sessionCookieName).toBe('lawbench_session');
  });
});

describe('isHttpsRequest', () => {
  it('is true for an https URL, or behind a proxy that says the request came over https', () => {
    expect(isHttpsRequest('https://fagui.example.gov.cn/login', h({}))).toBe(true);
    expect(isHttpsRequest('http://127.0.0.1:3000/login', h({ 'x-forwarded-proto': 'https' }))).toBe(true);
  });

  it('is false for plain http, whatever else the URL contains', () => {
    expect(isHttpsRequest('http://127.0.0.1:3000/login', h({}))).toBe(false);
    expect(isHttpsRequest('http://127.0.0.1:3000/login', h({ 'x-forwarded-proto': 'http' }))).toBe(false);
    expect(isHttpsRequest('http://127.0.0.1:3000/login?next=https:', h({}))).toBe(false);
  });
});
