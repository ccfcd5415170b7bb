import { describe, expect, it } from 'vitest';
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

/// Checks that `xml` is well formed as far as a feed needs: every element closed in order,
/// attribute values quoted, and no bare `<` or `&` in text. Returns the element names seen.
function wellFormed(xml: string): string[] {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  const seen: string[] = [];
  const token = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<&]*(?:&(?:#\d+|#x[0-9a-fA-F]+|amp|lt|gt|quot|apos);[^"<&]*)*")*)\s*(\/?)>|([^<]+)/gy;
  let at = 0;
  for (let m = token.exec(body); m; m = token.exec(body)) {
    at = token.lastIndex;
    const [, closing, name, , selfClosing, text] = m;
    if (text !== undefined) {
      if (/&(?!(?:#\d+|#x[0-9a-fA-F]+|amp|lt|gt|quot|apos);)/.test(text)) throw new Error(`bare & in ${text}`);
    } else if (closing) {
      if (stack.pop() !== name) throw new Error(`mismatched </${name}>`);
    } else {
      seen.push(name);
      if (!selfClosing) stack.push(name);
    }
  }
  if (at !== body.length) throw new Error(`not XML at ${body.slice(at, at + 40)}`);
  if (stack.length > 0) throw new Error(`unclosed ${stack.join(', ')}`);
  return seen;
}

const opts = { baseUrl: 'https://law.example.cn', updated: new Date('2025-03-05T02:00:00Z') };

describe('buildConsultationFeed', () => {
  it('lists the open consultations with a link, the dates and the description', () => {
    const xml = buildConsultationFeed([item(), item({ id: 'c2', title: '已结束的', status: 'closed' }), item({ id: 'c3', title: '未开始的', status: 'upcoming' })], opts);
    expect(wellFormed(xml).filter((n) => n === 'entry')).toHaveLength(1);
    expect(xml).toContain('<id>urn:uuid:0b7a3c1e-5d2f-4a8b-9c6d-1e2f3a4b5c6d</id>');
    expect(xml).toContain('<title>杭州市法律援助条例（草案）</title>');
    expect(xml).toContain('<link rel="alternate" href="https://law.example.cn/consultations/0b7a3c1e-5d2f-4a8b-9c6d-1e2f3a4b5c6d"/>');
    expect(xml).toContain('<summary>征求意见时间：2025年3月1日至2025年3月31日。欢迎社会各界提出意见。</summary>');
    expect(xml).toContain('<updated>2025-03-05T02:00:00.000Z</updated>');
    expect(xml).toContain('<published>2025-03-01T00:00:00+08:00</published>');
    expect(xml).not.toContain('已结束的');
    expect(xml).not.toContain('未开始的');
  });

  it('escapes markup and ampersands in every text and stays well formed', () => {
    const xml = buildConsultationFeed(
      [item({ id: 'a&b"<c>', title: '<script>alert("x")</script> & 条例', description: 'A & B <img src=x onerror=alert(1)>\u0001' })],
      opts,
    );
    expect(() => wellFormed(xml)).not.toThrow();
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('<img');
    expect(xml).toContain('<title>&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; 条例</title>');
    expect(xml).toContain('A &#38; B &#60;img');
    expect(xml).not.toContain('\u0001');
    expect(xml).toMatch(/<id>tag:law\.example\.cn,2025:consultation:a%26b%22%3Cc%3E<\/id>/);
    expect(xml).toContain('href="https://law.example.cn/consultations/a%26b%22%3Cc%3E"');
  });

  it('is a valid empty feed when nothing is open', () => {
    const xml = buildConsultationFeed([], opts);
    expect(wellFormed(xml)).toEqual(['feed', 'id', 'title', 'link', 'link', 'updated', 'author', 'name']);
  });
});
