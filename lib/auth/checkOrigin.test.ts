import { describe, expect, it } from 'vitest';
import { isSameOriginRequest } from './checkOrigin';

const h = (o: Record<string, string>) => new Headers(o);

describe('isSameOriginRequest', () => {
  it('accepts same-origin browser requests and clients that send no browser headers', () => {
    expect(isSameOriginRequest(h({ 'sec-fetch-site': 'same-origin', origin: 'http://a.test' }))).toBe(true);
    expect(isSameOriginRequest(h({ origin: 'http://localhost:3000', host: 'localhost:3000' }))).toBe(true);
    expect(isSameOriginRequest(h({ host: 'localhost:3000' }))).toBe(true);
  });

  it('refuses cross-site requests and mismatched or broken origins', () => {
    expect(isSameOriginRequest(h({ 'sec-fetch-site': 'cross-site', origin: 'http://localhost:3000', host: 'localhost:3000' }))).toBe(false);
    expect(isSameOriginRequest(h({ 'sec-fetch-site': 'same-site' }))).toBe(false);
    expect(isSameOriginRequest(h({ origin: 'http://evil.test', host: 'localhost:3000' }))).toBe(false);
    expect(isSameOriginRequest(h({ origin: 'null', host: 'localhost:3000' }))).toBe(false);
  });
});
