import { describe, expect, it } from 'vitest';
import { atomResponse, isBrowserNavigation } from './atomResponse';

const xml = '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>';
const request = (headers: Record<string, string>) => new Request('http://example.cn/feeds/library/new.atom', { headers });
const browserHeaders = { 'sec-fetch-dest': 'document', accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

describe('atomResponse', () => {
  it('sends a browser opening the feed to the feeds page, naming the feed', () => {
    const res = atomResponse(request(browserHeaders), xml);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/feeds?feed=%2Ffeeds%2Flibrary%2Fnew.atom');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('gives feed readers the XML, varying on what tells the two apart', async () => {
    const readers: Record<string, string>[] = [{ accept: 'application/atom+xml' }, { accept: '*/*' }, { 'sec-fetch-dest': 'empty', accept: 'text/html' }, {}];
    for (const headers of readers) {
      const res = atomResponse(request(headers), xml);
      expect(res.status, JSON.stringify(headers)).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
      expect(res.headers.get('vary')).toBe('Accept, Sec-Fetch-Dest');
      expect(await res.text()).toBe(xml);
    }
  });

  it('takes only a top-level page load that accepts HTML for a browser', () => {
    expect(isBrowserNavigation(new Headers(browserHeaders))).toBe(true);
    expect(isBrowserNavigation(new Headers({ 'sec-fetch-dest': 'document', accept: 'application/atom+xml' }))).toBe(false);
    expect(isBrowserNavigation(new Headers({ 'sec-fetch-dest': 'iframe', accept: 'text/html' }))).toBe(false);
  });
});
