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

describe('citation edge cases worked by hand', () => {
  it('reads a citation with surrounding spaces, and a bracketed 目', () => {
    expect(parseCitation('  第十二条第二款 ')).toStrictEqual({ article: 12, paragraph: 2 });
    expect(parseCitation('第（三）项第（2）目')).toStrictEqual({ item: 3, subitem: 2 });
  });

  it('rejects two articles in a row, an unclosed bracket, 之 after a 款, and a leading separator', () => {
    expect(parseCitation('第三条第四条')).toBeNull();
    expect(parseCitation('第（三]项')).toBeNull();
    expect(parseCitation('第二款之一')).toBeNull();
    expect(parseCitation('和第三条')).toBeNull();
  });

  it('reads relative references without a count field unless they carry one', () => {
    expect(parseCitation('前款')).toStrictEqual({ relative: 'previous-paragraph' });
    expect(parseCitation('前三款')).toStrictEqual({ relative: 'previous-paragraphs', count: 3 });
  });

  it('writes self references, parts, and counted previous paragraphs', () => {
    expect(formatCitation({ self: true, article: 3 })).toBe('本条例第三条');
    expect(formatCitation({ part: 2, chapter: 1 })).toBe('第二编第一章');
    expect(formatCitation({ relative: 'previous-paragraphs', count: 3 })).toBe('前三款');
    expect(formatCitation({ relative: 'previous-paragraphs', count: 12 })).toBe('前十二款');
    expect(formatCitation({ relative: 'previous-paragraphs', count: 20 })).toBe('前二十款');
  });

  const found = (text: string) => findCitations(text).map((f) => [f.text, f.ref]);

  it('finds a bare 前款 and 上一条', () => {
    expect(found('依照前款规定')).toStrictEqual([['前款', { relative: 'previous-paragraph' }]]);
    expect(found('依照上一条规定')).toStrictEqual([['上一条', { relative: 'previous-article' }]]);
  });

  it('lists chapters after a separator, and ends a list at words that are not units', () => {
    expect(found('本条例第二章、第三章')).toStrictEqual([
      ['本条例第二章', { self: true, selfForm: '条例', chapter: 2 }],
      ['第三章', { self: true, selfForm: '条例', chapter: 3 }],
    ]);
    expect(found('依照第三条和有关规定')).toStrictEqual([['第三条', { article: 3 }]]);
  });

  it('lets list members inherit exactly the levels above their first unit', () => {
    expect(found('本条例第十二条第二款、第三款')).toStrictEqual([
      ['本条例第十二条第二款', { self: true, selfForm: '条例', article: 12, paragraph: 2 }],
      ['第三款', { self: true, selfForm: '条例', article: 12, paragraph: 3 }],
    ]);
    expect(found('第三条第二款第（一）项和第五条第（二）项')).toStrictEqual([
      ['第三条第二款第（一）项', { article: 3, paragraph: 2, item: 1 }],
      ['第五条第（二）项', { article: 5, item: 2 }],
    ]);
    expect(found('第十条之一第二款和第三款')).toStrictEqual([
      ['第十条之一第二款', { article: 10, articleSub: 1, paragraph: 2 }],
      ['第三款', { article: 10, articleSub: 1, paragraph: 3 }],
    ]);
    expect(found('第十条之一和第十二条')).toStrictEqual([
      ['第十条之一', { article: 10, articleSub: 1 }],
      ['第十二条', { article: 12 }],
    ]);
  });

  it('reads the second of two adjacent titles, and no title that is empty, nested or broken by a line', () => {
    expect(found('依照《中华人民共和国食品安全法》《浙江省食品安全条例》第三条')).toStrictEqual([
      ['《浙江省食品安全条例》第三条', { regulation: '浙江省食品安全条例', article: 3 }],
    ]);
    expect(found('《》第三条')).toStrictEqual([['第三条', { article: 3 }]]);
    expect(found('《甲《乙条例》第三条')).toStrictEqual([['《乙条例》第三条', { regulation: '乙条例', article: 3 }]]);
    expect(found('《示例市\n第一次会议依照第三条的决定》')).toStrictEqual([['第三条', { article: 3 }]]);
  });

  it('reads past a title that is never closed', () => {
    expect(found('依照《杭州市法律援助条例第三条')).toStrictEqual([['第三条', { article: 3 }]]);
  });

  it('does not take 前法 for the citing text itself', () => {
    expect(found('依照前法第三条')).toStrictEqual([['第三条', { article: 3 }]]);
  });
});
