import { describe, expect, it } from 'vitest';
import { parseRegulation } from './parse';
import { toParseJson } from './toParseJson';

/// Joins lines with \n; no final newline, as most corpus files.
const lines = (...ls: string[]) => ls.join('\n');
const codes = (text: string, format?: 'md' | 'txt') =>
  parseRegulation(text, format ? { format } : {}).warnings.map((w) => `${w.code}@${w.line}`);

const QUIRKY_MARKDOWN = lines(
  '# 示例市养犬管理条例',
  '',
  '2020年1月1日 示例市第一届人民代表大会常务委员会第一次会议通过　2020年3月1日 示例省第一届人民代表大会常务委员会第二次会议批准',
  '',
  '<!-- INFO END -->',
  '',
  '\u200b',
  '',
  '### 第一章\u3000总 则',
  '',
  '\u200b\u200b',
  '',
  '第一条 为了规范养犬行为，制定本条例。',
  '',
  '第二条\u3000本条例所称犬只，是指：',
  '',
  '（一）家养犬；',
  '',
  '(二)警犬；',
  '',
  '（三)导盲犬。',
  '',
  '## 第二章  管理',
  '',
  '### 第一节\t登记',
  '',
  '第三条\u00a0申请登记应当提交下列材料：',
  '',
  '（一）身份证明：',
  '',
  '1.居民身份证；',
  '',
  '2．户口簿；',
  '',
  '3、居住证。',
  '',
  '（二）犬只证明，包括：',
  '',
  '1.免疫证明：',
  '',
  '（1）狂犬病免疫证明；',
  '',
  '（2）其他免疫证明。',
  '',
  '前款材料应当真实。',
  '',
  '第三条之一 登记证件应当随身携带。',
  '',
  '## 第三章 附  则',
  '',
  '第四条 本条例自2021年1月1日起施行。',
);

describe('parseRegulation', () => {
  describe('on Markdown with the corpus quirks', () => {
    const doc = parseRegulation(QUIRKY_MARKDOWN);
    const json = toParseJson(doc);

    it('reads title, header lines and several events on one line', () => {
      expect(doc.title).toBe('示例市养犬管理条例');
      expect(doc.info).toHaveLength(1);
      expect(doc.events.map((e) => [e.kind, e.date])).toEqual([
        ['adopted', '2020-01-01'],
        ['approved', '2020-03-01'],
      ]);
    });

    it('classifies headings by their text, whatever the # count and separator', () => {
      expect(json.outline.map((o) => [o.label, o.heading, o.firstArticle, o.lastArticle])).toEqual([
        ['第一章', '总则', 1, 2],
        ['第二章', '管理', 3, 3],
        ['第一节', '登记', 3, 3],
        ['第三章', '附则', 4, 4],
      ]);
    });

    it('reads articles separated by U+3000, NBSP and spaces, and 第X条之一', () => {
      expect(json.articles.map((a) => [a.label, a.eid])).toEqual([
        ['第一条', 'art_1'], ['第二条', 'art_2'], ['第三条', 'art_3'], ['第三条之一', 'art_3_1'], ['第四条', 'art_4'],
      ]);
      expect(json.articles[2].paragraphs[0].text).toBe('申请登记应当提交下列材料：');
    });

    it('reads items in mixed brackets and sub-items written 1. 1． 1、 with （1） under them', () => {
      const art2 = json.articles[1].paragraphs[0];
      expect(art2.items.map((i) => [i.label, i.text])).toEqual([
        ['（一）', '家养犬；'], ['（二）', '警犬；'], ['（三）', '导盲犬。'],
      ]);
      const [proof, dog] = json.articles[2].paragraphs[0].items;
      expect(proof.subitems.map((s) => [s.label, s.text])).toEqual([['1.', '居民身份证；'], ['2.', '户口簿；'], ['3.', '居住证。']]);
      expect(dog.subitems[0].subitems.map((s) => [s.label, s.eid])).toEqual([
        ['（1）', 'art_3__para_1__item_2__subitem_1__subitem_1'],
        ['（2）', 'art_3__para_1__item_2__subitem_1__subitem_2'],
      ]);
      expect(json.articles[2].paragraphs[1]).toMatchObject({ eid: 'art_3__para_2', text: '前款材料应当真实。' });
      expect(json.counts).toEqual({ parts: 0, chapters: 3, sections: 1, articles: 5, paragraphs: 6, items: 5, subitems: 6 });
    });

    it('treats zero-width-space lines as blank and reports nothing', () => {
      expect(doc.warnings).toEqual([]);
    });
  });

  describe('on Markdown variants', () => {
    it('counts a table of contents written as headings once', () => {
      const doc = toParseJson(parseRegulation(lines(
        '# 示例条例', '', '<!-- INFO END -->', '', '## 第一章 总 则', '', '## 第二章 附 则', '',
        '## 第一章 总 则', '', '第一条 甲。', '', '## 第二章 附 则', '', '第二条 乙。',
      )));
      expect(doc.counts.chapters).toBe(2);
      expect(doc.outline.map((o) => [o.number, o.firstArticle])).toEqual([[1, 1], [2, 2]]);
      expect(doc.warnings).toEqual([]);
    });

    it('reads a heading glued to its # marks and its number', () => {
      const json = toParseJson(parseRegulation('# 示例\n\n##第一章总则\n\n第一条 甲。'));
      expect(json.outline.map((o) => [o.label, o.heading])).toEqual([['第一章', '总则']]);
    });

    it('reads a text without header lines, marker or final newline', () => {
      const doc = parseRegulation('# 示例规定\n\n第一条 甲。\n\n第二条 乙。');
      expect(doc.info).toEqual([]);
      expect(toParseJson(doc).counts.articles).toBe(2);
      expect(doc.warnings).toEqual([]);
    });

    it('skips the title repeated as a plain line before the first article', () => {
      const doc = parseRegulation('# 示例规定\n\n2020年1月1日 通过\n\n示例规定\n\n第一条 甲。');
      expect(doc.info).toEqual(['2020年1月1日 通过']);
      expect(doc.warnings).toEqual([]);
    });

    it('accepts CRLF line ends and a BOM', () => {
      const doc = parseRegulation('\ufeff# 示例规定\r\n\r\n第一条 甲。\r\n\r\n第二条 乙。\r\n');
      expect(doc.title).toBe('示例规定');
      expect(toParseJson(doc).articles.map((a) => a.paragraphs[0].text)).toEqual(['甲。', '乙。']);
    });
  });

  describe('on bad input', () => {
    it('reports an article number that skips, at its line', () => {
      expect(codes('# 示例\n\n第一条 甲。\n\n第三条 乙。')).toEqual(['article_number_gap@5']);
    });

    it('reports an article number that repeats, and keeps both articles with distinct eids', () => {
      const doc = parseRegulation('# 示例\n\n第一条 甲。\n\n第二条 乙。\n\n第二条 丙。');
      expect(doc.warnings.map((w) => `${w.code}@${w.line}`)).toEqual(['article_number_repeat@7']);
      expect(toParseJson(doc).articles.map((a) => [a.label, a.eid])).toEqual([
        ['第一条', 'art_1'], ['第二条', 'art_2'], ['第三条', 'art_2_dup2'],
      ]);
    });

    it('reports a 节 outside any 章', () => {
      expect(codes('# 示例\n\n### 第一节 总则\n\n第一条 甲。')).toEqual(['section_outside_chapter@3']);
    });

    it('reports text before the first article that is neither title nor header, keeping its text', () => {
      const doc = parseRegulation('# 示例\n\n<!-- INFO END -->\n\n这是一段说明。\n\n第一条 甲。');
      expect(doc.warnings).toEqual([
        expect.objectContaining({ line: 5, code: 'stray_text', text: '这是一段说明。' }),
      ]);
    });

    it('reports stray text in a plain-text header region', () => {
      expect(codes('示例条例\n2020年1月1日 通过\n这是一段没有日期的说明\n第一条　甲。', 'txt')).toEqual(['stray_text@3']);
    });

    it('reports an item outside any article', () => {
      expect(codes('# 示例\n\n<!-- INFO END -->\n\n（一）甲；\n\n第一条 乙。')).toEqual(['item_outside_article@5']);
    });

    it('reports text between a heading and the next article and keeps it in the article before', () => {
      const doc = parseRegulation('# 示例\n\n## 第一章 总则\n\n第一条 甲。\n\n## 第二章 其他\n\n说明\n\n第二条 乙。');
      expect(doc.warnings.map((w) => `${w.code}@${w.line}`)).toEqual(['stray_text@9']);
      expect(toParseJson(doc).articles[0].paragraphs.map((p) => p.text)).toEqual(['甲。', '说明']);
    });

    it('reports skipped chapters and items, and empty chapters', () => {
      const text = lines('# 示例', '', '## 第一章 总则', '', '第一条 甲：', '', '（一）子；', '', '（三）丑。', '',
        '## 第三章 其他', '', '## 第四章 附则', '', '第二条 乙。');
      expect(codes(text)).toEqual(['item_number_gap@9', 'chapter_number_gap@11', 'empty_heading@11']);
    });

    it('reports a missing title and an unrecognised heading', () => {
      expect(codes('第一条 甲。\n\n## 附件\n\n第二条 乙。')).toEqual(['missing_title@1', 'unrecognized_heading@3']);
    });

    it('gives an empty text a title warning, not an exception', () => {
      expect(parseRegulation('')).toMatchObject({ title: '', body: [], warnings: [{ code: 'missing_title', line: 1 }] });
    });
  });

  describe('on plain text pasted from Word or a PDF', () => {
    it('joins lines that wrap mid-sentence and starts a paragraph after sentence-final punctuation', () => {
      const doc = toParseJson(parseRegulation(lines(
        '示例市条例',
        '第一条　为了规范示例管理，根据有关法律、',
        '法规，结合本市实际，制定本条例。',
        '本条例所称示例，是指',
        '一种活动。',
        '第二条　下列行为禁止：',
        '（一）在公共场所',
        '大声喧哗；',
        '（二）其他行为。',
      )));
      expect(doc.articles[0].paragraphs.map((p) => p.text)).toEqual([
        '为了规范示例管理，根据有关法律、法规，结合本市实际，制定本条例。',
        '本条例所称示例，是指一种活动。',
      ]);
      expect(doc.articles[1].paragraphs[0].items.map((i) => i.text)).toEqual(['在公共场所大声喧哗；', '其他行为。']);
      expect(doc.warnings).toEqual([]);
    });

    it('starts a new paragraph at an indented line even without final punctuation', () => {
      const doc = toParseJson(parseRegulation('示例条例\n　　第一条　标题行\n　　本款另起一行。', { format: 'txt' }));
      expect(doc.articles[0].paragraphs.map((p) => p.text)).toEqual(['标题行', '本款另起一行。']);
    });

    it('drops page numbers and running headers and joins text across the page break', () => {
      const doc = parseRegulation(lines(
        '示例市条例',
        '（2020年1月1日示例市人民代表大会常务委员会通过）',
        '第一章　总　　则',
        '第一条　为了规范示例管理，根据有关法律、法规，结合本市',
        '',
        '- 1 -',
        '',
        '示例市人大常委会公报',
        '实际，制定本条例。',
        '第二条　本条例适用于本市。',
        '第 2 页',
        '示例市人大常委会公报',
        '第三条　本条例自公布之日起施行。',
        '3',
        '示例市人大常委会公报',
        '示例市条例',
        '第四条　附则。',
        '第5页 共10页',
        '2/10',
      ));
      const json = toParseJson(doc);
      expect(json.articles.map((a) => a.paragraphs.map((p) => p.text))).toEqual([
        ['为了规范示例管理，根据有关法律、法规，结合本市实际，制定本条例。'],
        ['本条例适用于本市。'],
        ['本条例自公布之日起施行。'],
        ['附则。'],
      ]);
      expect(json.outline[0].heading).toBe('总则');
      expect(doc.events).toEqual([expect.objectContaining({ kind: 'adopted', date: '2020-01-01' })]);
      expect(doc.warnings).toEqual([]);
    });

    it('reads full-width spaces as separators and label-only article lines', () => {
      const doc = toParseJson(parseRegulation('示例条例\n\u3000\u3000第一条\n为了示例，制定本条例。\n第二条\u3000\u3000乙。'));
      expect(doc.articles.map((a) => a.paragraphs[0].text)).toEqual(['为了示例，制定本条例。', '乙。']);
    });

    it('does not take a sentence that starts with 第X章 for a heading', () => {
      const doc = toParseJson(parseRegulation('示例条例\n第一条　甲，\n第二章规定的情形除外。', { format: 'txt' }));
      expect(doc.counts.chapters).toBe(0);
      expect(doc.articles[0].paragraphs[0].text).toBe('甲，第二章规定的情形除外。');
    });
  });
});
