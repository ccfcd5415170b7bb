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

/// What a user sees of a parsed text: title, header lines, each article's paragraphs and the
/// warnings by code and line.
const view = (text: string, opts: { format?: 'md' | 'txt' } = {}) => {
  const doc = parseRegulation(text, opts);
  return {
    title: doc.title,
    info: doc.info,
    articles: toParseJson(doc).articles.map((a) => [a.label, ...a.paragraphs.map((p) => p.text)]),
    warnings: doc.warnings.map((w) => `${w.code}@${w.line}`),
  };
};

describe('parseRegulation, line by line', () => {
  describe('guessing Markdown or plain text', () => {
    // In Markdown an indented line is just a wrapped line; in plain text it opens a paragraph.
    const wrappedIndented = ['第一条　甲，', '　　乙。'];

    it('takes a text with a # title for Markdown and keeps a number-only line', () => {
      expect(view(lines('# 示例条例', '', ...wrappedIndented, '', '3', '', '第二条　丙。'))).toEqual({
        title: '示例条例', info: [], articles: [['第一条', '甲，乙。', '3'], ['第二条', '丙。']], warnings: [],
      });
    });

    it('takes a text with the INFO END marker for Markdown', () => {
      expect(view(lines('示例条例', '<!-- INFO END -->', ...wrappedIndented)).articles).toEqual([['第一条', '甲，乙。']]);
    });

    it('takes a text with a ## chapter heading for Markdown', () => {
      expect(view(lines('示例条例', '## 第一章 总则', ...wrappedIndented)).articles).toEqual([['第一条', '甲，乙。']]);
    });

    it('takes a text with a plain chapter heading and no # for plain text', () => {
      expect(view(lines('示例条例', '第一章 总则', ...wrappedIndented, '', '3', '', '第二条　丙。')).articles).toEqual([
        ['第一条', '甲，', '乙。'], ['第二条', '丙。'],
      ]);
    });
  });

  describe('finding the title', () => {
    it('skips blank lines before the title', () => {
      expect(view('\n\n示例条例\n第一条　甲。')).toEqual({ title: '示例条例', info: [], articles: [['第一条', '甲。']], warnings: [] });
    });

    it('reports a missing title at the first non-blank line, with its message', () => {
      expect(parseRegulation('\n\n第一条　甲。').warnings).toEqual([
        { line: 3, code: 'missing_title', message: '缺少标题：第一行应为法规名称' },
      ]);
    });

    it('takes a first line that is a dated header line for a header line, not the title', () => {
      const doc = parseRegulation('2020年1月1日 示例市人民代表大会常务委员会第一次会议通过\n第一条　甲。');
      expect(doc.title).toBe('');
      expect(doc.info).toEqual(['2020年1月1日 示例市人民代表大会常务委员会第一次会议通过']);
      expect(doc.warnings.map((w) => `${w.code}@${w.line}`)).toEqual(['missing_title@1']);
    });

    it('keeps a title that contains a header word (批准) but no date', () => {
      expect(view('示例市地方性法规制定与批准条例\n第一条　甲。')).toEqual({
        title: '示例市地方性法规制定与批准条例', info: [], articles: [['第一条', '甲。']], warnings: [],
      });
    });
  });

  describe('reading the header lines', () => {
    it('keeps every line before the INFO END marker as a header line, and reports text after it', () => {
      expect(view(lines('# 示例条例', '', '本规定由市人民政府负责解释', '2020年1月1日 通过', '<!-- INFO END -->', '', '说明文字', '', '第一条 甲。')))
        .toEqual({
          title: '示例条例',
          info: ['本规定由市人民政府负责解释', '2020年1月1日 通过'],
          articles: [['第一条', '甲。']],
          warnings: ['stray_text@7'],
        });
    });

    it('reads a text that starts with the INFO END marker: what follows is body, not header', () => {
      expect(view('<!-- INFO END -->\n说明文字\n第一条 甲。')).toEqual({
        title: '', info: [], articles: [['第一条', '甲。']], warnings: ['missing_title@1', 'stray_text@2'],
      });
      expect(view('<!-- INFO END -->\n说明文字\n<!-- INFO END -->\n第一条 甲。')).toEqual({
        title: '', info: [], articles: [['第一条', '甲。']], warnings: ['missing_title@1', 'stray_text@2'],
      });
    });

    it('ends the header at the first INFO END marker; a second one is a blank line in the body', () => {
      expect(view(lines('# 示例条例', '2020年1月1日 通过', '<!-- INFO END -->', '说明文字', '<!-- INFO END -->', '第一条 甲。'))).toEqual({
        title: '示例条例', info: ['2020年1月1日 通过'], articles: [['第一条', '甲。']], warnings: ['stray_text@4'],
      });
    });

    it('joins a header line wrapped mid-phrase, even around a bracket inside it, and keeps the next note apart', () => {
      const doc = parseRegulation(lines(
        '示例市条例',
        '（2020年1月1日示例自治州（区）人民代表大会常务委员会第',
        '一次会议通过）',
        '（自2020年3月1日起施行）',
        '第一条　甲。',
      ));
      expect(doc.info).toEqual(['（2020年1月1日示例自治州（区）人民代表大会常务委员会第一次会议通过）', '（自2020年3月1日起施行）']);
      expect(doc.events.map((e) => [e.kind, e.date, e.body])).toEqual([
        ['adopted', '2020-01-01', '示例自治州（区）人民代表大会常务委员会第一次会议'],
        ['effective', '2020-03-01', '起'],
      ]);
      expect(doc.warnings).toEqual([]);
    });

    it('does not join header lines separated by a blank line', () => {
      expect(view(lines('# 示例条例', '', '2017年6月28日 示例市人民代表大会常务委员会第二次会议通过', '', '自2018年1月1日起施行', '', '第一条　甲。')).info)
        .toEqual(['2017年6月28日 示例市人民代表大会常务委员会第二次会议通过', '自2018年1月1日起施行']);
    });

    it('reports an item or a numbered line before the first article instead of dropping it', () => {
      expect(view('示例条例\n（一）甲；\n第一条　乙。')).toEqual({
        title: '示例条例', info: [], articles: [['第一条', '乙。']], warnings: ['item_outside_article@2'],
      });
      expect(view('示例条例\n1. 甲；\n第一条　乙。')).toEqual({
        title: '示例条例', info: [], articles: [['第一条', '乙。']], warnings: ['subitem_outside_article@2'],
      });
    });

    it('skips the title repeated with letter-spacing up to twice its length, and keeps wider lines', () => {
      expect(view(lines('示例条例', '示  例 条 例', '示   例   条   例', '第一条　甲。'))).toEqual({
        title: '示例条例', info: [], articles: [['第一条', '甲。']], warnings: ['stray_text@3'],
      });
    });
  });

  describe('reading the body', () => {
    it('sorts warnings from the body and from the tree by line', () => {
      expect(view(lines('# 示例', '', '第一条 甲。', '', '第三条 乙。', '', '## 附件', '', '第四条 丙。', '', '第六条 丁。'))
        .warnings).toEqual(['article_number_gap@5', 'unrecognized_heading@7', 'article_number_gap@11']);
    });

    it('reports an unrecognised heading with its message and text, but not a 目录 or title heading', () => {
      expect(parseRegulation(lines('# 示例条例', '', '<!-- INFO END -->', '', '## 目录', '', '## 示例条例', '', '第一条　甲。', '', '## 附件')).warnings)
        .toEqual([{ line: 11, code: 'unrecognized_heading', message: '无法识别的标题（不是编、章、节）', text: '附件' }]);
    });

    it('starts a paragraph after a blank line even without final punctuation', () => {
      expect(view(lines('# 示例条例', '', '第一条　下列单位负责本条例实施', '', '市人民政府。')).articles).toEqual([
        ['第一条', '下列单位负责本条例实施', '市人民政府。'],
      ]);
    });

    it('starts a paragraph at an INFO END marker inside the body, as at a blank line', () => {
      expect(view(lines('# 示例条例', '', '第一条　下列单位负责本条例实施', '<!-- INFO END -->', '市人民政府。')).articles).toEqual([
        ['第一条', '下列单位负责本条例实施', '市人民政府。'],
      ]);
    });

    it('joins across a page number with blank lines, and still breaks at a later blank line', () => {
      expect(view(lines(
        '示例条例',
        '第一条　为了规范管理，结合本市',
        '- 1 -',
        '',
        '实际，制定本条例。',
        '第二条　下列单位负责实施',
        '',
        '本条例。',
      )).articles).toEqual([
        ['第一条', '为了规范管理，结合本市实际，制定本条例。'],
        ['第二条', '下列单位负责实施', '本条例。'],
      ]);
    });

    it('ends a sentence at punctuation inside closing quotes', () => {
      expect(view('示例条例\n第一条　标志上注明“禁止吸烟。”\n违者处罚。').articles).toEqual([
        ['第一条', '标志上注明“禁止吸烟。”', '违者处罚。'],
      ]);
    });

    it('ends a paragraph that is a single ellipsis, as an article elided in an excerpt', () => {
      expect(view('示例条例\n第五条　…\n本条所称示例，是指一种活动。').articles).toEqual([
        ['第五条', '…', '本条所称示例，是指一种活动。'],
      ]);
    });

    it('joins Latin words wrapped across lines with a space, and nothing else', () => {
      expect(view('示例条例\n第一条　全球卫星定位系统（Global\nPositioning System）和GPS\n或者北斗BDS定位。').articles).toEqual([
        ['第一条', '全球卫星定位系统（Global Positioning System）和GPS或者北斗BDS定位。'],
      ]);
      expect(view('示例条例\n第一条　使用GPS等\nWi-Fi设施。').articles).toEqual([['第一条', '使用GPS等Wi-Fi设施。']]);
    });
  });
});

describe('parseRegulation: a label alone on its line', () => {
  // A PDF or Word export often breaks the line right after an item's number.
  it('takes the next line as the text of an item or sub-item whose number stands alone, as for an article', () => {
    const json = toParseJson(parseRegulation(lines('示例条例', '第一条', '下列情形：', '（一）', '甲；', '（二）乙。', '第二条　按照下列规定：', '1.', '丙；', '2.丁。')));
    expect(json.articles.map((a) => a.paragraphs.map((p) => [p.text, ...p.items.map((i) => `${i.label}${i.text}`), ...p.subitems.map((s) => `${s.label}${s.text}`)]))).toEqual([
      [['下列情形：', '（一）甲；', '（二）乙。']],
      [['按照下列规定：', '1.丙；', '2.丁。']],
    ]);
    expect(json.warnings ?? []).toEqual([]);
  });
});
