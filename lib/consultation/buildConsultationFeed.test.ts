import { describe, expect, it } from 'vitest';
import { xml2js, type Element } from 'xml-js';
import { buildConsultationFeed } from './buildConsultationFeed';
import type { ConsultationSummary } from './types';

function item(over: Partial<ConsultationSummary> = {}): ConsultationSummary {
  return {
    id: '0b7a3c1e-5d2f-4a8b-9c6d-1e2f3a4b5c6d',
    billId: 'bill-1',
    draftId: 'draft-1',
    versionId: 'version-1',
    versionName: '征求意见稿',
    title: '杭州市法律援助条例（草案）',
    description: '欢迎社会各界提出意见。',
    opensOn: '2025-03-01',
    closesOn: '2025-03-31',
    status: 'open',
    moderation: 'pre',
    commentCount: 3,
    reportPublished: false,
    ...over,
  };
}

/// What an independent XML reader (xml-js) finds in the feed: each entry's fields as text.
function readFeed(xml: string) {
  const doc = xml2js(xml, { compact: false }) as Element;
  const feed = doc.elements!.find((e) => e.name === 'feed')!;
  const text = (el: Element | undefined) => (el?.elements ?? []).map((c) => c.text ?? c.cdata ?? '').join('');
  const child = (el: Element, name: string) => el.elements?.find((c) => c.name === name);
  const entries = (feed.elements ?? []).filter((e) => e.name === 'entry').map((e) => ({
    id: text(child(e, 'id')),
    title: decodeHtml(text(child(e, 'title'))),
    titleType: child(e, 'title')?.attributes?.type,
    link: child(e, 'link')?.attributes?.href,
    published: text(child(e, 'published')),
    summary: decodeHtml(text(child(e, 'summary'))),
  }));
  return { id: text(child(feed, 'id')), updated: text(child(feed, 'updated')), links: (feed.elements ?? []).filter((e) => e.name === 'link').map((l) => l.attributes), entries };
}

/// An Atom reader's view of `type="html"` text: entities decoded, and what is left is what shows.
function decodeHtml(html: string): string {
  return html.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));
}

const opts = { baseUrl: 'https://law.example.cn', updated: new Date('2025-03-05T02:00:00Z') };

describe('buildConsultationFeed', () => {
  it('lists the open consultations with a link, the dates and the description', () => {
    const feed = readFeed(buildConsultationFeed([item(), item({ id: 'c2', title: '已结束的', status: 'closed' }), item({ id: 'c3', title: '未开始的', status: 'upcoming' })], opts));
    expect(feed.entries).toEqual([
      {
        id: 'urn:uuid:0b7a3c1e-5d2f-4a8b-9c6d-1e2f3a4b5c6d',
        title: '杭州市法律援助条例（草案）',
        titleType: 'html',
        link: 'https://law.example.cn/consultations/0b7a3c1e-5d2f-4a8b-9c6d-1e2f3a4b5c6d',
        published: '2025-02-28T16:00:00.000Z',
        summary: '征求意见时间：2025年3月1日至2025年3月31日。欢迎社会各界提出意见。',
      },
    ]);
    expect(feed.updated).toBe('2025-03-05T02:00:00.000Z');
    expect(feed.id).toBe('https://law.example.cn/feeds/consultations.atom');
  });

  it('keeps markup people typed as text a reader shows, not as markup it runs', () => {
    const xml = buildConsultationFeed(
      [item({ id: 'a&b"<c>', title: '<script>alert("x")</script> & 条例', description: 'A & B <img src=x onerror=alert(1)>\u0001' })],
      opts,
    );
    const [entry] = readFeed(xml).entries;
    expect(entry.title).toBe('<script>alert("x")</script> & 条例');
    expect(entry.summary).toContain('A & B <img src=x onerror=alert(1)>');
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('<img');
    expect(xml).not.toContain('\u0001');
    expect(entry.id).toBe('tag:law.example.cn,2025:consultation:a%26b%22%3Cc%3E');
    expect(entry.link).toBe('https://law.example.cn/consultations/a%26b%22%3Cc%3E');
  });

  it('is a valid empty feed when nothing is open', () => {
    const feed = readFeed(buildConsultationFeed([], opts));
    expect(feed.entries).toEqual([]);
    expect(feed.links).toEqual([
      { rel: 'alternate', href: 'https://law.example.cn/consultations' },
      { rel: 'self', href: 'https://law.example.cn/feeds/consultations.atom' },
    ]);
  });
});
