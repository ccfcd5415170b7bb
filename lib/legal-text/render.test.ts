import { describe, expect, it } from 'vitest';
import type { Article, RegulationText } from './model';
import { parseRegulation } from './parse';
import { renderHtml, renderMarkdown, renderPlainText, renderRegulation } from './render';
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

/// A small regulation with parts, an untitled part, chapters, a section, an article of two
/// paragraphs (款), items (项) with sub-items (目) two levels deep, and a sub-item directly under
/// a paragraph; text typed with characters HTML must escape.
const SMALL = [
  '# 示例<条例>',
  '',
  '2020年1月1日 通过',
  '',
  '2021年1月1日 修正',
  '',
  '<!-- INFO END -->',
  '',
  '## 第一编 总则',
  '',
  '### 第一章 一般规定',
  '',
  '第一条 为了"甲"&乙。',
  '',
  '第二条 下列：',
  '',
  '（一）甲；',
  '',
  '1.子；',
  '',
  '（1）细目。',
  '',
  '（二）乙。',
  '',
  '前款以外：',
  '',
  '1.款下目。',
  '',
  '## 第二编',
  '',
  '### 第一章 管理',
  '',
  '#### 第一节 登记',
  '',
  '第三条 登记。',
].join('\n');

/// No title, no header lines, no parts; a section without words after 第一节.
const UNTITLED = ['第一章 总则', '', '第一节', '', '第一条 甲。', '', '（一）项<一>'].join('\n');

describe('renderRegulation, exact output of a small regulation', () => {
  const small = parseRegulation(SMALL);
  const untitled = parseRegulation(UNTITLED);

  it('picks the renderer by format', () => {
    expect(renderRegulation(small, 'html')).toBe(renderHtml(small));
    expect(renderRegulation(small, 'md')).toBe(renderMarkdown(small));
    expect(renderRegulation(small, 'txt')).toBe(renderPlainText(small));
    expect(renderRegulation(small, 'md')).not.toBe(renderPlainText(small));
  });

  it('writes Markdown with one more # per level under parts, 款 and 项 on their own lines', () => {
    expect(renderMarkdown(small)).toBe(
      [
        '# 示例<条例>',
        '2020年1月1日 通过',
        '2021年1月1日 修正',
        '<!-- INFO END -->',
        '## 第一编 总则',
        '### 第一章 一般规定',
        '第一条 为了"甲"&乙。',
        '第二条 下列：',
        '（一）甲；',
        '1.子；',
        '（1）细目。',
        '（二）乙。',
        '前款以外：',
        '1.款下目。',
        '## 第二编',
        '### 第一章 管理',
        '#### 第一节 登记',
        '第三条 登记。',
      ].join('\n\n') + '\n',
    );
  });

  it('writes Markdown without a title line, chapters at ## and sections at ### when there are no parts', () => {
    expect(renderMarkdown(untitled)).toBe(
      ['<!-- INFO END -->', '## 第一章 总则', '### 第一节', '第一条 甲。', '（一）项<一>'].join('\n\n') + '\n',
    );
  });

  it('counts a text as having parts when any top-level unit is a part', () => {
    const mixed = parseRegulation(['# 示例', '', '第一条 甲。', '', '## 第一编 总则', '', '### 第一章 一般规定', '', '第二条 乙。'].join('\n'));
    expect(mixed.body.map((n) => n.kind)).toEqual(['article', 'part']);
    expect(renderMarkdown(mixed)).toBe(
      ['# 示例', '<!-- INFO END -->', '第一条 甲。', '## 第一编 总则', '### 第一章 一般规定', '第二条 乙。'].join('\n\n') + '\n',
    );
    expect(renderHtml(mixed)).toBe(
      [
        '<div class="regulation">',
        '<h1 class="regulation-title">示例</h1>',
        '<article class="article" id="art_1"><p class="paragraph" id="art_1__para_1"><span class="article-label">第一条</span> 甲。</p></article>',
        '<section class="part" id="part_1">',
        '<h2><span class="part-label">第一编</span> 总则</h2>',
        '<section class="chapter" id="part_1__chp_1">',
        '<h3><span class="chapter-label">第一章</span> 一般规定</h3>',
        '<article class="article" id="art_2"><p class="paragraph" id="art_2__para_1"><span class="article-label">第二条</span> 乙。</p></article>',
        '</section>',
        '</section>',
        '</div>',
      ].join('\n') + '\n',
    );
  });

  it('writes plain text with an ideographic space after each label', () => {
    expect(renderPlainText(small)).toBe(
      [
        '示例<条例>',
        '2020年1月1日 通过',
        '2021年1月1日 修正',
        '第一编\u3000总则',
        '第一章\u3000一般规定',
        '第一条\u3000为了"甲"&乙。',
        '第二条\u3000下列：',
        '（一）甲；',
        '1.子；',
        '（1）细目。',
        '（二）乙。',
        '前款以外：',
        '1.款下目。',
        '第二编',
        '第一章\u3000管理',
        '第一节\u3000登记',
        '第三条\u3000登记。',
      ].join('\n\n') + '\n',
    );
    expect(renderPlainText(untitled)).toBe(['第一章\u3000总则', '第一节', '第一条\u3000甲。', '（一）项<一>'].join('\n\n') + '\n');
  });

  it('writes HTML with nested sections, the label only on the first 款, lists for 项 and 目, all text escaped', () => {
    expect(renderHtml(small)).toBe(
      [
        '<div class="regulation">',
        '<h1 class="regulation-title">示例&#60;条例&#62;</h1>',
        '<div class="regulation-info"><p>2020年1月1日 通过</p><p>2021年1月1日 修正</p></div>',
        '<section class="part" id="part_1">',
        '<h2><span class="part-label">第一编</span> 总则</h2>',
        '<section class="chapter" id="part_1__chp_1">',
        '<h3><span class="chapter-label">第一章</span> 一般规定</h3>',
        '<article class="article" id="art_1"><p class="paragraph" id="art_1__para_1"><span class="article-label">第一条</span> 为了&#34;甲&#34;&#38;乙。</p></article>',
        '<article class="article" id="art_2">' +
          '<p class="paragraph" id="art_2__para_1"><span class="article-label">第二条</span> 下列：</p>' +
          '<ol class="items">' +
          '<li class="item" id="art_2__para_1__item_1"><span class="item-label">（一）</span>甲；' +
          '<ol class="subitems"><li class="subitem" id="art_2__para_1__item_1__subitem_1"><span class="subitem-label">1.</span>子；' +
          '<ol class="subitems"><li class="subitem" id="art_2__para_1__item_1__subitem_1__subitem_1"><span class="subitem-label">（1）</span>细目。</li></ol>' +
          '</li></ol></li>' +
          '<li class="item" id="art_2__para_1__item_2"><span class="item-label">（二）</span>乙。</li>' +
          '</ol>' +
          '<p class="paragraph" id="art_2__para_2">前款以外：</p>' +
          '<ol class="subitems"><li class="subitem" id="art_2__para_2__subitem_1"><span class="subitem-label">1.</span>款下目。</li></ol>' +
          '</article>',
        '</section>',
        '</section>',
        '<section class="part" id="part_2">',
        '<h2><span class="part-label">第二编</span></h2>',
        '<section class="chapter" id="part_2__chp_1">',
        '<h3><span class="chapter-label">第一章</span> 管理</h3>',
        '<section class="section" id="part_2__chp_1__sec_1">',
        '<h4><span class="section-label">第一节</span> 登记</h4>',
        '<article class="article" id="art_3"><p class="paragraph" id="art_3__para_1"><span class="article-label">第三条</span> 登记。</p></article>',
        '</section>',
        '</section>',
        '</section>',
        '</div>',
      ].join('\n') + '\n',
    );
  });

  it('writes HTML without title or header block, chapters at h2 and sections at h3 when there are no parts', () => {
    expect(renderHtml(untitled)).toBe(
      [
        '<div class="regulation">',
        '<section class="chapter" id="chp_1">',
        '<h2><span class="chapter-label">第一章</span> 总则</h2>',
        '<section class="section" id="chp_1__sec_1">',
        '<h3><span class="section-label">第一节</span></h3>',
        '<article class="article" id="art_1"><p class="paragraph" id="art_1__para_1"><span class="article-label">第一条</span> 甲。</p>' +
          '<ol class="items"><li class="item" id="art_1__para_1__item_1"><span class="item-label">（一）</span>项&#60;一&#62;</li></ol></article>',
        '</section>',
        '</section>',
        '</div>',
      ].join('\n') + '\n',
    );
  });
});
