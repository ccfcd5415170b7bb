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
