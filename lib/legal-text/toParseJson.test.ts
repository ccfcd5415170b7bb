import { describe, expect, it } from 'vitest';
import { parseRegulation } from './parse';
import { toParseJson } from './toParseJson';

describe('toParseJson', () => {
  const json = toParseJson(parseRegulation([
    '# 东营市养犬管理条例', '', '2017年8月31日 东营市第八届人民代表大会常务委员会第5次会议通过', '', '<!-- INFO END -->', '',
    '## 第一章 总则', '', '第一条 为了加强养犬管理，制定本条例。', '', '第二条 养犬应当遵守下列规定：', '', '（一）依法登记；', '',
    '## 第二章 管理', '', '### 第一节 登记', '', '第三条 犬只应当登记。', '', '登记免费。',
  ].join('\n')));

  it('has the fields of the PRODUCT.md parse shape, in that order', () => {
    expect(Object.keys(json)).toEqual(['title', 'info', 'counts', 'outline', 'articles', 'events', 'warnings']);
    expect(json.title).toBe('东营市养犬管理条例');
    expect(json.info).toEqual(['2017年8月31日 东营市第八届人民代表大会常务委员会第5次会议通过']);
    expect(json.counts).toEqual({ parts: 0, chapters: 2, sections: 1, articles: 3, paragraphs: 4, items: 1, subitems: 0 });
  });

  it('lists chapters and sections flat, sections naming their chapter', () => {
    expect(json.outline).toEqual([
      { kind: 'chapter', number: 1, label: '第一章', heading: '总则', eid: 'chp_1', firstArticle: 1, lastArticle: 2, articles: 2 },
      { kind: 'chapter', number: 2, label: '第二章', heading: '管理', eid: 'chp_2', firstArticle: 3, lastArticle: 3, articles: 1 },
      { kind: 'section', number: 1, label: '第一节', heading: '登记', eid: 'chp_2__sec_1', chapter: 2, firstArticle: 3, lastArticle: 3, articles: 1 },
    ]);
  });

  it('gives each article its number, label, eid and paragraphs without the label', () => {
    expect(json.articles[1]).toEqual({
      number: 2, label: '第二条', eid: 'art_2', chapter: 1,
      paragraphs: [{
        eid: 'art_2__para_1', text: '养犬应当遵守下列规定：', subitems: [],
        items: [{ eid: 'art_2__para_1__item_1', label: '（一）', text: '依法登记；', subitems: [] }],
      }],
    });
    expect(json.articles[2]).toMatchObject({ number: 3, chapter: 2, section: 1, paragraphs: [{ text: '犬只应当登记。' }, { text: '登记免费。' }] });
  });
});

describe('toParseJson, exact JSON of a small regulation', () => {
  it('gives parts, an empty chapter, a 之一 article and nested sub-items exactly, with no empty keys', () => {
    const json = toParseJson(parseRegulation([
      '# 示例条例', '', '2020年1月1日 示例市人民代表大会常务委员会通过', '', '<!-- INFO END -->', '',
      '## 第一编 总则', '', '### 第一章 一般规定', '', '第一条 下列：', '', '（一）甲；', '', '1.子；', '', '（1）细目；', '', '（2）细目二。', '',
      '前款以外：', '', '1.款下目。', '', '第一条之一 插入。', '', '### 第二章 空章', '',
      '## 第二编 分则', '', '### 第一章 管理', '', '#### 第一节 登记', '', '第二条 登记。',
    ].join('\n')));
    const noItems = { items: [], subitems: [] };
    expect(json).toStrictEqual({
      title: '示例条例',
      info: ['2020年1月1日 示例市人民代表大会常务委员会通过'],
      counts: { parts: 2, chapters: 3, sections: 1, articles: 3, paragraphs: 4, items: 1, subitems: 4 },
      outline: [
        { kind: 'part', number: 1, label: '第一编', heading: '总则', eid: 'part_1', firstArticle: 1, lastArticle: 1, articles: 2 },
        { kind: 'chapter', number: 1, label: '第一章', heading: '一般规定', eid: 'part_1__chp_1', part: 1, firstArticle: 1, lastArticle: 1, articles: 2 },
        { kind: 'chapter', number: 2, label: '第二章', heading: '空章', eid: 'part_1__chp_2', part: 1, firstArticle: null, lastArticle: null, articles: 0 },
        { kind: 'part', number: 2, label: '第二编', heading: '分则', eid: 'part_2', firstArticle: 2, lastArticle: 2, articles: 1 },
        { kind: 'chapter', number: 1, label: '第一章', heading: '管理', eid: 'part_2__chp_1', part: 2, firstArticle: 2, lastArticle: 2, articles: 1 },
        {
          kind: 'section', number: 1, label: '第一节', heading: '登记', eid: 'part_2__chp_1__sec_1', part: 2, chapter: 1,
          firstArticle: 2, lastArticle: 2, articles: 1,
        },
      ],
      articles: [
        {
          number: 1, label: '第一条', eid: 'art_1', part: 1, chapter: 1,
          paragraphs: [
            {
              eid: 'art_1__para_1', text: '下列：', subitems: [],
              items: [{
                eid: 'art_1__para_1__item_1', label: '（一）', text: '甲；',
                subitems: [{
                  eid: 'art_1__para_1__item_1__subitem_1', label: '1.', text: '子；',
                  subitems: [
                    { eid: 'art_1__para_1__item_1__subitem_1__subitem_1', label: '（1）', text: '细目；', subitems: [] },
                    { eid: 'art_1__para_1__item_1__subitem_1__subitem_2', label: '（2）', text: '细目二。', subitems: [] },
                  ],
                }],
              }],
            },
            {
              eid: 'art_1__para_2', text: '前款以外：', items: [],
              subitems: [{ eid: 'art_1__para_2__subitem_1', label: '1.', text: '款下目。', subitems: [] }],
            },
          ],
        },
        { number: 1, sub: 1, label: '第一条之一', eid: 'art_1_1', part: 1, chapter: 1, paragraphs: [{ eid: 'art_1_1__para_1', text: '插入。', ...noItems }] },
        { number: 2, label: '第二条', eid: 'art_2', part: 2, chapter: 1, section: 1, paragraphs: [{ eid: 'art_2__para_1', text: '登记。', ...noItems }] },
      ],
      events: [{ kind: 'adopted', date: '2020-01-01', body: '示例市人民代表大会常务委员会', verb: '通过', raw: '2020年1月1日 示例市人民代表大会常务委员会通过' }],
      warnings: [{ line: 27, code: 'empty_heading', message: '章标题“空章”下没有条文' }],
    });
  });

  it('leaves out part, chapter and section keys an article or heading does not have', () => {
    const json = toParseJson(parseRegulation(['# 示例', '', '第一条 甲。', '', '## 第一章 总则', '', '第二条 乙。'].join('\n')));
    expect(json.outline).toStrictEqual([
      { kind: 'chapter', number: 1, label: '第一章', heading: '总则', eid: 'chp_1', firstArticle: 2, lastArticle: 2, articles: 1 },
    ]);
    expect(json.articles).toStrictEqual([
      { number: 1, label: '第一条', eid: 'art_1', paragraphs: [{ eid: 'art_1__para_1', text: '甲。', items: [], subitems: [] }] },
      { number: 2, label: '第二条', eid: 'art_2', chapter: 1, paragraphs: [{ eid: 'art_2__para_1', text: '乙。', items: [], subitems: [] }] },
    ]);
  });
});
