import { describe, expect, it } from 'vitest';
import type { Article, RegulationText } from './model';
import { parseRegulation } from './parse';
import { renderHtml, renderMarkdown, renderPlainText } from './render';
import { toParseJson } from './toParseJson';

const SOURCE = [
  '# 示例<条例>',
  '',
  '2020年1月1日 示例市人民代表大会常务委员会通过',
  '',
  '<!-- INFO END -->',
  '',
  '## 第一编 总则',
  '',
  '### 第一章 一般规定',
  '',
  '第一条 为了保护"权利"&利益，制定本条例。',
  '',
  '第二条 下列行为禁止：',
  '',
  '（一）甲；',
  '',
  '1.子；',
  '',
  '（1）细目。',
  '',
  '（二）乙。',
  '',
  '前款规定以外的行为，依照<有关规定>处理。',
  '',
  '## 第二编 分则',
  '',
  '### 第一章 管理',
  '',
  '#### 第一节 登记',
  '',
  '第三条 应当登记。',
  '',
  '第三条之一 登记免费。',
].join('\n');

const withoutLines = (doc: RegulationText) => ({ ...doc, warnings: doc.warnings.map(({ code }) => code) });

describe('renderMarkdown', () => {
  const doc = parseRegulation(SOURCE);

  it('parses back to the same structure, parts, sub-items and 之一 included', () => {
    expect(doc.warnings).toEqual([]);
    expect(withoutLines(parseRegulation(renderMarkdown(doc)))).toEqual(withoutLines(doc));
  });

  it('derives every number from position after an article is removed', () => {
    const first = (doc.body[0] as { children: Array<{ children: Article[] }> }).children[0];
    const edited: RegulationText = structuredClone(doc);
    const editedChapter = (edited.body[0] as { children: Array<{ children: Article[] }> }).children[0];
    editedChapter.children = first.children.slice(1);
    const md = renderMarkdown(edited);
    expect(md).toContain('第一条 下列行为禁止：');
    expect(md).toContain('第二条 应当登记。');
    expect(md).toContain('第二条之一 登记免费。');
    expect(md).not.toContain('第三条');
    expect(toParseJson(parseRegulation(md)).articles.map((a) => a.eid)).toEqual(['art_1', 'art_2', 'art_2_1']);
  });
});

describe('renderPlainText', () => {
  it('writes official-style labels and parses back to the same structure', () => {
    const doc = parseRegulation(SOURCE);
    const txt = renderPlainText(doc);
    expect(txt).toContain('第一编\u3000总则');
    expect(txt).toContain('第一条\u3000为了保护');
    expect(txt).not.toContain('#');
    expect(withoutLines(parseRegulation(txt))).toEqual(withoutLines(doc));
  });
});

describe('renderHtml', () => {
  const html = renderHtml(parseRegulation(SOURCE));

  it('marks up parts, chapters, sections and articles with derived labels and eids', () => {
    expect(html).toContain('<section class="part" id="part_1">');
    expect(html).toContain('<section class="chapter" id="part_1__chp_1">');
    expect(html).toContain('<h3><span class="chapter-label">第一章</span> 一般规定</h3>');
    expect(html).toContain('<article class="article" id="art_1"><p class="paragraph" id="art_1__para_1"><span class="article-label">第一条</span>');
    expect(html).toContain('<article class="article" id="art_3_1"><p class="paragraph" id="art_3_1__para_1"><span class="article-label">第三条之一</span>');
    expect(html).toContain('<li class="item" id="art_2__para_1__item_1"><span class="item-label">（一）</span>甲；');
    expect(html).toContain('<span class="subitem-label">1.</span>子；<ol class="subitems"><li class="subitem" id="art_2__para_1__item_1__subitem_1__subitem_1"><span class="subitem-label">（1）</span>细目。');
  });

  it('escapes all text', () => {
    expect(html).toContain('<h1 class="regulation-title">示例&#60;条例&#62;</h1>');
    expect(html).toContain('为了保护&#34;权利&#34;&#38;利益');
    expect(html).toContain('依照&#60;有关规定&#62;处理');
    expect(html).not.toMatch(/<有关规定>|"权利"/);
  });

  it('uses h2 for chapters in a text without parts', () => {
    const plain = renderHtml(parseRegulation('# 示例\n\n## 第一章 总则\n\n第一条 甲。'));
    expect(plain).toContain('<section class="chapter" id="chp_1">\n<h2><span class="chapter-label">第一章</span> 总则</h2>');
  });
});
