import { describe, expect, it } from 'vitest';
import { findCitations, formatCitation, parseCitation, type CitationRef } from './citation';

const TABLE: Array<[string, CitationRef]> = [
  ['第十二条', { article: 12 }],
  ['第一百零一条', { article: 101 }],
  ['第十二条第二款', { article: 12, paragraph: 2 }],
  ['第十二条第二款第（三）项', { article: 12, paragraph: 2, item: 3 }],
  ['第十二条第二款第(三)项', { article: 12, paragraph: 2, item: 3 }],
  ['第十二条第三项', { article: 12, item: 3 }],
  ['第（三）项第2目', { item: 3, subitem: 2 }],
  ['第二款', { paragraph: 2 }],
  ['前款', { relative: 'previous-paragraph' }],
  ['前款第（二）项', { relative: 'previous-paragraph', item: 2 }],
  ['前两款', { relative: 'previous-paragraphs', count: 2 }],
  ['本条', { relative: 'this-article' }],
  ['本条第二款', { relative: 'this-article', paragraph: 2 }],
  ['前条', { relative: 'previous-article' }],
  ['本条例第十条', { self: true, selfForm: '条例', article: 10 }],
  ['本办法第十条', { self: true, selfForm: '办法', article: 10 }],
  ['本规定第三条第一款', { self: true, selfForm: '规定', article: 3, paragraph: 1 }],
  ['《杭州市法律援助条例》第三条', { regulation: '杭州市法律援助条例', article: 3 }],
  ['《关于修改〈深圳经济特区房地产登记条例〉的决定》第二条', { regulation: '关于修改〈深圳经济特区房地产登记条例〉的决定', article: 2 }],
  ['第十条之一', { article: 10, articleSub: 1 }],
  ['第十条之一第二款', { article: 10, articleSub: 1, paragraph: 2 }],
  ['本条例第三章', { self: true, selfForm: '条例', chapter: 3 }],
  ['第二章第一节', { chapter: 2, section: 1 }],
];

describe('parseCitation', () => {
  it.each(TABLE)('reads %s', (text, ref) => {
    expect(parseCitation(text)).toEqual(ref);
  });

  it.each(['第十百条', '第二款第十二条', '第一次会议', '本市', '第（三）条', '第十二条规定', ''])('rejects %j', (text) => {
    expect(parseCitation(text)).toBeNull();
  });
});

describe('formatCitation', () => {
  const title = '杭州市法律援助条例';

  it('writes the standard form with the regulation title', () => {
    expect(formatCitation({ article: 12, paragraph: 2, item: 3 }, { title })).toBe('《杭州市法律援助条例》第十二条第二款第（三）项');
    expect(formatCitation({ self: true, selfForm: '条例', article: 10, articleSub: 1 }, { title })).toBe('《杭州市法律援助条例》第十条之一');
    expect(formatCitation({ regulation: '北京市献血条例', article: 101 }, { title })).toBe('《北京市献血条例》第一百零一条');
    expect(formatCitation({ article: 3, item: 2, subitem: 1 }, { title })).toBe('《杭州市法律援助条例》第三条第（二）项第1目');
  });

  it('keeps relative and self references when no title is given', () => {
    expect(formatCitation({ relative: 'previous-paragraph', item: 2 })).toBe('前款第（二）项');
    expect(formatCitation({ relative: 'previous-paragraphs', count: 2 })).toBe('前两款');
    expect(formatCitation({ relative: 'this-article', paragraph: 2 }, { title })).toBe('本条第二款');
    expect(formatCitation({ self: true, selfForm: '办法', article: 5 })).toBe('本办法第五条');
  });

  it.each(TABLE)('round-trips %s through parse and format', (text) => {
    const ref = parseCitation(text) as CitationRef;
    expect(parseCitation(formatCitation(ref))).toEqual(ref);
  });
});

describe('findCitations', () => {
  it('finds every reference in running text with its offsets', () => {
    const text = '依照本条例第十二条第二款、第三款和第十五条的规定，违反前款第（二）项规定的，依照《中华人民共和国行政处罚法》第三条至第五条处理。';
    const found = findCitations(text);
    expect(found.map((f) => [f.text, f.ref])).toEqual([
      ['本条例第十二条第二款', { self: true, selfForm: '条例', article: 12, paragraph: 2 }],
      ['第三款', { self: true, selfForm: '条例', article: 12, paragraph: 3 }],
      ['第十五条', { self: true, selfForm: '条例', article: 15 }],
      ['前款第（二）项', { relative: 'previous-paragraph', item: 2 }],
      ['《中华人民共和国行政处罚法》第三条', { regulation: '中华人民共和国行政处罚法', article: 3 }],
      ['第五条', { regulation: '中华人民共和国行政处罚法', article: 5 }],
    ]);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.text);
  });

  it('ignores ordinals, bare titles, 本条例 alone and references inside titles', () => {
    const text = '本条例经第一次会议通过，根据《关于修改〈示例条例〉第三条的决定》和《中华人民共和国献血法》，本项目由本市负责。';
    expect(findCitations(text)).toEqual([]);
  });

  it('finds 第X条之一 and 本条', () => {
    expect(findCitations('违反本条第一款或者第十条之一规定的').map((f) => f.text)).toEqual(['本条第一款', '第十条之一']);
  });
});
