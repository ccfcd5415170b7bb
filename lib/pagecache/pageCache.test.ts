import { describe, expect, it } from 'vitest';
import { PageCache } from './pageCache';
import { isCachedPublicPath } from './publicPages';

const page = (n: number) => ({ body: new Uint8Array(n), headers: [['content-type', 'text/html']] as [string, string][] });

describe('PageCache', () => {
  it('keeps a page while the generation stays, and empties when it moves on', () => {
    const c = new PageCache(1000);
    c.set('a', 1, page(10));
    expect(c.get('a', 1)?.body.byteLength).toBe(10);
    expect(c.get('a', 2)).toBeNull();
    expect(c.size).toEqual({ pages: 0, bytes: 0 });
    // A page made before the move (a slow render) is not kept.
    c.set('a', 1, page(10));
    expect(c.get('a', 2)).toBeNull();
  });

  it('drops the least recently used pages beyond its size, and never keeps a page over a quarter of it', () => {
    const c = new PageCache(100);
    c.set('a', 1, page(20));
    c.set('b', 1, page(20));
    c.set('c', 1, page(20));
    c.get('a', 1);
    c.set('d', 1, page(20));
    c.set('e', 1, page(20));
    expect(c.size).toEqual({ pages: 5, bytes: 100 });
    c.set('f', 1, page(20));
    expect(c.get('b', 1)).toBeNull();
    expect(c.get('a', 1)).not.toBeNull();
    c.set('big', 1, page(26));
    expect(c.get('big', 1)).toBeNull();
  });
});

describe('isCachedPublicPath', () => {
  it('takes a regulation and its article pages, not their history, comparison or other pages', () => {
    expect(isCachedPublicPath('/regulations/%E5%AE%81%E6%B3%A2')).toBe(true);
    expect(isCachedPublicPath('/regulations/x/articles/12')).toBe(true);
    expect(isCachedPublicPath('/regulations/x/articles/12/history')).toBe(false);
    expect(isCachedPublicPath('/regulations/x/compare')).toBe(false);
    expect(isCachedPublicPath('/regulations')).toBe(false);
    expect(isCachedPublicPath('/bills/x')).toBe(false);
  });
});
