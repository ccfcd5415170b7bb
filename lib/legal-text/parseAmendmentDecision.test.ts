import { describe, expect, it } from 'vitest';
import { parseAmendmentDecision, splitDecision } from './parseAmendmentDecision';
import { parseAmendmentDecisionSentence } from './parseAmendmentDecisionSentence';

const REAL = `关于修改《示例管理条例》的决定
（2024年12月20日示例市第十六届人民代表大会常务委员会第二十次会议通过）
示例市第十六届人民代表大会常务委员会第二十次会议决定对《示例管理条例》作如下修改：
一、将第一条中的“规范”修改为“加强”；删去第二条第二款。
二、将第四条修改为：“管理部门履行下列职责：
（一）规划；
（二）建设“示范区”。”
三、第一百零一条改为第一百零三条。
本决定自2025年1月1日起施行。
《示例管理条例》根据本决定作相应修改并对条文顺序作相应调整，重新公布。
`;

/// The preamble line most tests start with, and a decision's result in one object that a test
/// can compare whole (problems as `code clause text: message`).
const amend = '对《甲条例》作如下修改：';
const read = (text: string) => {
  const p = parseAmendmentDecision(text);
  return { title: p.title, preamble: p.preamble, ops: p.operations, problems: p.problems.map((x) => `${x.code} ${x.clause} ${x.text}: ${x.message}`) };
};

describe('parseAmendmentDecision', () => {
  it('reads the title, preamble, clauses and closing of a real-shaped decision', () => {
    const parsed = parseAmendmentDecision(REAL);
    expect(parsed.title).toBe('关于修改《示例管理条例》的决定');
    expect(parsed.preamble).toBe('（2024年12月20日示例市第十六届人民代表大会常务委员会第二十次会议通过）\n示例市第十六届人民代表大会常务委员会第二十次会议决定对《示例管理条例》作如下修改：');
    expect(parsed.closing).toBe('本决定自2025年1月1日起施行。\n《示例管理条例》根据本决定作相应修改并对条文顺序作相应调整，重新公布。');
    expect(parsed.problems).toEqual([]);
    expect(parsed.operations).toEqual([
      { kind: 'replacePhrase', scope: { article: 1 }, phrase: '规范', replacement: '加强', clause: 1, sentence: '将第一条中的“规范”修改为“加强”' },
      { kind: 'deleteParagraph', article: 2, paragraph: 2, clause: 1, sentence: '删去第二条第二款' },
      { kind: 'replaceArticle', article: 4, text: '管理部门履行下列职责：\n（一）规划；\n（二）建设“示范区”。', clause: 2, sentence: expect.stringContaining('将第四条修改为') },
      { kind: 'moveArticle', article: 101, position: 103, clause: 3, sentence: '第一百零一条改为第一百零三条' },
    ]);
  });

  it('reads a decision pasted from Word the same: a byte-order mark, full-width indents and trailing spaces', () => {
    const pasted = `\ufeff${REAL.split('\n').map((line) => (line ? `　　${line}  ` : line)).join('\r\n')}`;
    expect(parseAmendmentDecision(pasted)).toEqual(parseAmendmentDecision(REAL));
  });

  it('takes the regulation amended from the title when the preamble names none', () => {
    const parsed = parseAmendmentDecision('关于修改《甲条例》的决定\n示例市人民代表大会常务委员会决定：\n一、将第一条中的“甲”修改为“乙”。\n二、将《乙条例》第二条中的“丙”修改为“丁”。');
    expect(parsed.operations).toEqual([{ kind: 'replacePhrase', scope: { article: 1 }, phrase: '甲', replacement: '乙', clause: 1, sentence: '将第一条中的“甲”修改为“乙”' }]);
    expect(parsed.problems).toMatchObject([{ code: 'title_mismatch', clause: 2, message: '该句修改的是《乙条例》，而决定修改的是《甲条例》，未适用' }]);
  });

  it('takes the regulation from a title as published (the adopting body before it) or as a draft, and from no other', () => {
    const problems = (title: string) => parseAmendmentDecision(`${title}\n示例市人民代表大会常务委员会决定：\n一、删去《丙条例》第二条。`).problems.map((p) => p.message);
    for (const title of ['关于修改《乙条例》的决定', '示例市人民代表大会常务委员会关于修改《乙条例》的决定', '关于修改《乙条例》的决定（草案）']) {
      expect(problems(title), title).toEqual(['该句修改的是《丙条例》，而决定修改的是《乙条例》，未适用']);
    }
    // Titles that do not say the decision amends 《乙条例》 (a note about it, one amending several):
    // the regulation is then unknown, and the clause naming 《丙条例》 is read.
    for (const title of ['关于修改《乙条例》的决定的说明', '关于修改《乙条例》等二部地方性法规的决定']) {
      expect(problems(title), title).toEqual([]);
    }
  });

  it('names the regulation a sentence with a quote left open amends from its text before the first quote', () => {
    expect(read(`${amend}\n将《乙条例》第三条中的“甲修改为“乙”。`).problems).toEqual([
      'title_mismatch 1 将《乙条例》第三条中的“甲修改为“乙”。: 该句修改的是《乙条例》，而决定修改的是《甲条例》，未适用',
    ]);
    // A name inside the quote is the quote's text, not the regulation amended.
    expect(read(`${amend}\n将第三条中的“依照《乙条例》修改为“乙”。`).problems).toEqual([
      'unparseable_sentence 1 将第三条中的“依照《乙条例》修改为“乙”。: 无法识别的修改句：将第三条中的“依照《乙条例》修改为“乙”。',
    ]);
  });

  it('reads a list of 款 or 项 written without its article as the sentence before left it (删去第二款、第三款)', () => {
    expect(read(`${amend}\n一、将第三条第二款中的“甲”修改为“乙”；删去第（一）项、第（二）项。\n二、将第四条第一款中的“丙”修改为“丁”；删去第二款、第三款。`).ops).toEqual([
      { kind: 'replacePhrase', scope: { article: 3, paragraph: 2 }, phrase: '甲', replacement: '乙', clause: 1, sentence: '将第三条第二款中的“甲”修改为“乙”' },
      { kind: 'deleteItem', article: 3, paragraph: 2, item: 1, clause: 1, sentence: '删去第（一）项、第（二）项' },
      { kind: 'deleteItem', article: 3, paragraph: 2, item: 2, clause: 1, sentence: '删去第（一）项、第（二）项' },
      { kind: 'replacePhrase', scope: { article: 4, paragraph: 1 }, phrase: '丙', replacement: '丁', clause: 2, sentence: '将第四条第一款中的“丙”修改为“丁”' },
      { kind: 'deleteParagraph', article: 4, paragraph: 2, clause: 2, sentence: '删去第二款、第三款' },
      { kind: 'deleteParagraph', article: 4, paragraph: 3, clause: 2, sentence: '删去第二款、第三款' },
    ]);
  });

  it('reads a line that goes on after a closing sentence as a clause, not as the closing', () => {
    const parsed = parseAmendmentDecision('对《甲条例》作如下修改：\n删去第三条。\n本决定自公布之日起施行；删去第九条。');
    expect(parsed.operations).toEqual([
      { kind: 'deleteArticle', article: 3, clause: 1, sentence: '删去第三条' },
      { kind: 'deleteArticle', article: 9, clause: 2, sentence: '删去第九条' },
    ]);
    expect(parsed.problems).toMatchObject([{ code: 'unparseable_sentence', clause: 2, text: '本决定自公布之日起施行' }]);
  });

  it('reads the sentences of a clause without the spaces around them', () => {
    const parsed = parseAmendmentDecision('对《甲条例》作如下修改：\n一、删去第三条 ；　删去第五条 。\n二、删去第七条；　删去第八条');
    expect(parsed.operations).toEqual([
      { kind: 'deleteArticle', article: 3, clause: 1, sentence: '删去第三条' },
      { kind: 'deleteArticle', article: 5, clause: 1, sentence: '删去第五条' },
      { kind: 'deleteArticle', article: 7, clause: 2, sentence: '删去第七条' },
      { kind: 'deleteArticle', article: 8, clause: 2, sentence: '删去第八条' },
    ]);
    expect(parsed.problems).toEqual([]);
  });

  describe('the articles added after a chapter', () => {
    const ops = (clauses: string) => read(`${amend}\n${clauses}`).ops;
    const chapter = '增加一章，作为第三章，章名为“法律责任”';

    it('are the chapter’s when its clause numbers them on from the first, the sentences joined once', () => {
      expect(ops(`一、${chapter}；增加两条，分别作为第七条、第八条：“甲。”“乙。”`)).toEqual([
        { kind: 'addChapter', chapter: 3, name: '法律责任', articles: ['甲。', '乙。'], position: 7, clause: 1, sentence: `${chapter}；增加两条，分别作为第七条、第八条：“甲。”“乙。”` },
      ]);
    });

    it('stop being the chapter’s at a gap in the numbers', () => {
      expect(ops(`一、${chapter}；增加两条，分别作为第七条、第九条：“甲。”“乙。”`)).toEqual([
        { kind: 'addChapter', chapter: 3, name: '法律责任', articles: ['甲。'], position: 7, clause: 1, sentence: `${chapter}；增加两条，分别作为第七条、第九条：“甲。”“乙。”` },
        { kind: 'addArticle', position: 9, text: '乙。', clause: 1, sentence: '增加两条，分别作为第七条、第九条：“甲。”“乙。”' },
      ]);
    });

    it('are not the chapter’s in another clause, or when placed after an article', () => {
      expect(ops(`一、${chapter}。\n二、增加一条，作为第七条：“甲。”`)).toEqual([
        { kind: 'addChapter', chapter: 3, name: '法律责任', articles: [], clause: 1, sentence: chapter },
        { kind: 'addArticle', position: 7, text: '甲。', clause: 2, sentence: '增加一条，作为第七条：“甲。”' },
      ]);
      expect(ops(`一、${chapter}；在第五条后增加一条，作为第六条：“甲。”`)).toEqual([
        { kind: 'addChapter', chapter: 3, name: '法律责任', articles: [], clause: 1, sentence: chapter },
        { kind: 'addArticle', position: 6, after: 5, text: '甲。', clause: 1, sentence: '在第五条后增加一条，作为第六条：“甲。”' },
      ]);
    });
  });

  describe('lines as pasted', () => {
    it('joins a clause wrapped onto the next line, and a quote opened on it that runs on', () => {
      expect(read(`${amend}\n一、将第三条中的“甲”修改为\n“乙”。\n二、将第四条修改为\n“丙。\n丁。”`).ops).toEqual([
        { kind: 'replacePhrase', scope: { article: 3 }, phrase: '甲', replacement: '乙', clause: 1, sentence: '将第三条中的“甲”修改为“乙”' },
        { kind: 'replaceArticle', article: 4, text: '丙。\n丁。', clause: 2, sentence: '将第四条修改为“丙。\n丁。”' },
      ]);
    });

    it('keeps the “ of a quoted term that opens a paragraph of a quote running over lines', () => {
      expect(read(`${amend}\n一、将第四条修改为：“甲。\n“乙”是指丙。”\n二、删去第五条。`).ops).toEqual([
        { kind: 'replaceArticle', article: 4, text: '甲。\n“乙”是指丙。', clause: 1, sentence: '将第四条修改为：“甲。\n“乙”是指丙。”' },
        { kind: 'deleteArticle', article: 5, clause: 2, sentence: '删去第五条' },
      ]);
    });

    it('reports a line ending in 作如下修改： after the clauses rather than take it into the preamble', () => {
      expect(read(`${amend}\n一、删去第三条。\n对《乙条例》作如下修改：`)).toMatchObject({
        preamble: amend,
        problems: ['unrecognized_text 0 对《乙条例》作如下修改：: 决定末尾无法识别的文字：对《乙条例》作如下修改：'],
      });
    });

    it('reports an amendment written after the closing, numbered or not, and applies none of it', () => {
      const parsed = parseAmendmentDecision(`${amend}\n一、删去第三条。\n本决定自公布之日起施行。\n删去第九条。`);
      expect(parsed.operations).toEqual([{ kind: 'deleteArticle', article: 3, clause: 1, sentence: '删去第三条' }]);
      expect(parsed.problems).toEqual([{ code: 'unrecognized_text', clause: 0, text: '删去第九条', clauseText: '', message: '决定末尾无法识别的文字：删去第九条' }]);
      expect(read(`${amend}\n一、删去第三条。\n本决定自公布之日起施行。\n二、删去第五条。`)).toMatchObject({
        ops: [{ kind: 'deleteArticle', article: 3, clause: 1 }],
        problems: ['unrecognized_text 0 二、删去第五条: 决定末尾无法识别的文字：二、删去第五条'],
      });
    });

    it('skips a line of separators alone (。) between clauses: the clauses after it are read and keep their numbers', () => {
      expect(read(`${amend}\n一、删去第三条。\n。\n二、删去第五条。`)).toMatchObject({
        ops: [{ kind: 'deleteArticle', article: 3, clause: 1 }, { kind: 'deleteArticle', article: 5, clause: 2 }],
        problems: [],
      });
      expect(read(`${amend}\n删去第三条。\n；\n删去第五条。`)).toMatchObject({
        ops: [{ kind: 'deleteArticle', article: 3, clause: 1 }, { kind: 'deleteArticle', article: 5, clause: 2 }],
        problems: [],
      });
      // A 。 wrapped onto a line of its own still ends the clause before it.
      expect(read(`${amend}\n删去第三条\n。\n删去第五条。`).ops).toEqual([
        { kind: 'deleteArticle', article: 3, clause: 1, sentence: '删去第三条' },
        { kind: 'deleteArticle', article: 5, clause: 2, sentence: '删去第五条' },
      ]);
    });

    it('skips blank lines: between title and preamble, around the clauses, and inside a wrapped clause', () => {
      const text = `关于修改《甲条例》的决定\n\n${amend}\n\n一、将第三条中的“甲”修改为\n\n“乙”。\n\n本决定自公布之日起施行。\n`;
      expect(read(text)).toEqual({
        title: '关于修改《甲条例》的决定', preamble: amend, problems: [],
        ops: [{ kind: 'replacePhrase', scope: { article: 3 }, phrase: '甲', replacement: '乙', clause: 1, sentence: '将第三条中的“甲”修改为“乙”' }],
      });
      expect(splitDecision(text).clauses).toEqual([{ number: 1, text: '将第三条中的“甲”修改为“乙”。', lines: ['一、将第三条中的“甲”修改为', '“乙”。'] }]);
    });

    it('has no title when the text starts with its clauses or with the line that ends its preamble', () => {
      expect(read('一、删去第三条。')).toMatchObject({ title: '', preamble: '', problems: [] });
      expect(read('示例市人民代表大会常务委员会决定：\n一、删去第三条。')).toMatchObject({ title: '', preamble: '示例市人民代表大会常务委员会决定：', problems: [] });
    });

    it('reads a clause that names none after one that names the regulation amended', () => {
      expect(read(`${amend}\n一、将《甲条例》第三条删去。\n二、删去第五条。`)).toMatchObject({ ops: [{ article: 3, clause: 1 }, { article: 5, clause: 2 }], problems: [] });
    });

    it('names every other regulation a sentence amends', () => {
      expect(read(`${amend}\n一、将《乙条例》第二条、《丙条例》第三条删去。`)).toEqual({
        title: '', preamble: amend, ops: [],
        problems: ['title_mismatch 1 将《乙条例》第二条、《丙条例》第三条删去: 该句修改的是《乙条例》《丙条例》，而决定修改的是《甲条例》，未适用'],
      });
    });

    it('reads clause numbers in full-width digits', () => {
      expect(read(`${amend}\n１．删去第三条。\n２．删去第五条。`).ops).toMatchObject([{ article: 3, clause: 1 }, { article: 5, clause: 2 }]);
    });

    it('keeps a straight quote inside curly quotes as it is', () => {
      expect(read(`${amend}\n一、将第三条中的“甲"乙”修改为“丙”。`).ops).toMatchObject([{ kind: 'replacePhrase', phrase: '甲"乙', replacement: '丙' }]);
    });

    it('skips an empty sentence between two separators', () => {
      expect(read(`${amend}\n一、删去第三条；　；删去第五条。`)).toMatchObject({ ops: [{ article: 3 }, { article: 5 }], problems: [] });
    });

    it('keeps the lines of each unnumbered clause', () => {
      expect(splitDecision(`${amend}\n删去第三条。\n删去第五条。`).clauses).toEqual([
        { number: 1, text: '删去第三条。', lines: ['删去第三条。'] },
        { number: 2, text: '删去第五条。', lines: ['删去第五条。'] },
      ]);
    });
  });

  it('reads every supported form', () => {
    const forms = [
      '将第三条第二款修改为：“甲。”', '删去第三条', '删去第三条第二款第（四）项', '增加一条，作为第九条：“甲。”',
      '在第八条后增加一条，作为第九条：“甲。”', '在第五条中增加一款，作为第三款：“甲。”', '将第五条第二款中的“甲”修改为“乙”',
      '将第五条中的“甲”删去', '在第五条中的“甲”后增加“乙”', '在第五条第一款中的“甲”前增加“乙”', '将第二章的章名修改为“监督”',
      '将第二章第一节的节名修改为“一般规定”', '将第一编的编名修改为“总则”', '此外，对条文顺序作相应调整',
    ];
    const parsed = parseAmendmentDecision(['对《示例》作如下修改：', ...forms.map((f, i) => `${i + 1 > 10 ? '十' + '一二三四五六七八九'[i - 10] : '一二三四五六七八九十'[i]}、${f}。`)].join('\n'));
    expect(parsed.problems).toEqual([]);
    expect(parsed.operations.map((o) => o.kind)).toEqual([
      'replaceParagraph', 'deleteArticle', 'deleteItem', 'addArticle', 'addArticle', 'addParagraph', 'replacePhrase',
      'deletePhrase', 'insertPhrase', 'insertPhrase', 'renameHeading', 'renameHeading', 'renameHeading', 'renumberNote',
    ]);
    expect(parsed.operations[2]).toMatchObject({ article: 3, paragraph: 2, item: 4 });
    expect(parsed.operations[4]).toMatchObject({ after: 8, position: 9 });
    expect(parsed.operations[9]).toMatchObject({ scope: { article: 5, paragraph: 1 }, side: 'before', anchor: '甲', text: '乙' });
    expect(parsed.operations[11]).toMatchObject({ heading: 'section', chapter: 2, section: 1, name: '一般规定' });
    expect(parsed.title).toBe('');
  });

  // Whole clauses read through the decision. Each sentence form on its own, with its refusals and
  // the provisions one sentence leaves to the next, is in parseAmendmentDecisionSentence.test.ts.
  const more: Array<[string, object[]]> = [
    ['将第四条第一款第（二）项修改为：“（二）甲；”', [{ kind: 'replaceItem', article: 4, paragraph: 1, item: 2, text: '（二）甲；' }]],
    ['将第四条第二项修改为：“甲；”', [{ kind: 'replaceItem', article: 4, item: 2, text: '甲；' }]],
    ['将第四条第一款第二项修改为两项，作为第二项、第三项：“（二）甲；\n（三）乙；”', [{ kind: 'replaceItem', article: 4, paragraph: 1, item: 2, text: '（二）甲；\n（三）乙；' }]],
    ['在第四条第一款中增加一项，作为第（三）项：“（三）甲；”', [{ kind: 'addItem', article: 4, paragraph: 1, item: 3, text: '（三）甲；' }]],
    ['在第四条中增加一项，作为第三项：“甲；”', [{ kind: 'addItem', article: 4, item: 3, text: '甲；' }]],
    ['在第四条第一款第（一）项后增加一项，作为第（二）项：“甲；”', [{ kind: 'addItem', article: 4, paragraph: 1, item: 2, after: 1, text: '甲；' }]],
    ['删去第四条第（二）项', [{ kind: 'deleteArticleItem', article: 4, item: 2 }]],
    ['删去第三条、第五条', [{ kind: 'deleteArticle', article: 3 }, { kind: 'deleteArticle', article: 5 }]],
    ['删去第三条第二款、第三款', [{ kind: 'deleteParagraph', article: 3, paragraph: 2 }, { kind: 'deleteParagraph', article: 3, paragraph: 3 }]],
    ['删去第三条至第五条', [3, 4, 5].map((article) => ({ kind: 'deleteArticle', article }))],
    ['将第十条、第十二条中的“甲”修改为“乙”', [{ kind: 'replacePhraseThroughout', scopes: [{ article: 10 }, { article: 12 }], phrase: '甲', replacement: '乙' }]],
    ['将第十条第一款、第二款中的“甲”修改为“乙”', [{ kind: 'replacePhraseThroughout', scopes: [{ article: 10, paragraph: 1 }, { article: 10, paragraph: 2 }], phrase: '甲', replacement: '乙' }]],
    ['将本条例中的“甲”统一修改为“乙”', [{ kind: 'replacePhraseThroughout', scopes: 'text', phrase: '甲', replacement: '乙' }]],
    ['将条例中的“甲”删去', [{ kind: 'deletePhraseThroughout', scopes: 'text', phrase: '甲' }]],
    ['将第十条中的“甲”统一修改为“乙”', [{ kind: 'replacePhraseThroughout', scopes: [{ article: 10 }], phrase: '甲', replacement: '乙' }]],
    ['在第十条、第十一条中的“甲”后增加“乙”', [{ kind: 'insertPhraseThroughout', scopes: [{ article: 10 }, { article: 11 }], anchor: '甲', side: 'after', text: '乙' }]],
    ['将第十条中的“甲”修改为“乙”，“丙”修改为“丁”', [
      { kind: 'replacePhrase', scope: { article: 10 }, phrase: '甲', replacement: '乙' }, { kind: 'replacePhrase', scope: { article: 10 }, phrase: '丙', replacement: '丁' }]],
    ['将第十条第二款中的“甲”修改为“乙”、“丙”修改为“丁”，删去“戊”', [
      { kind: 'replacePhrase', scope: { article: 10, paragraph: 2 }, phrase: '甲', replacement: '乙' },
      { kind: 'replacePhrase', scope: { article: 10, paragraph: 2 }, phrase: '丙', replacement: '丁' },
      { kind: 'deletePhrase', scope: { article: 10, paragraph: 2 }, phrase: '戊' }]],
    ['将第十条中的“甲”、“乙”删去', [{ kind: 'deletePhrase', scope: { article: 10 }, phrase: '甲' }, { kind: 'deletePhrase', scope: { article: 10 }, phrase: '乙' }]],
    ['将第十条中的“甲”、“乙”分别修改为“丙”、“丁”', [
      { kind: 'replacePhrase', scope: { article: 10 }, phrase: '甲', replacement: '丙' }, { kind: 'replacePhrase', scope: { article: 10 }, phrase: '乙', replacement: '丁' }]],
    ['将第十条第二款修改为两款，作为第二款、第三款：“甲。”“乙。”', [{ kind: 'replaceParagraph', article: 10, paragraph: 2, text: '甲。\n乙。' }]],
    ['增加一条，作为第十二条之一：“甲。”', [{ kind: 'addSubArticle', after: 12, sub: 1, text: '甲。' }]],
    ['在第十二条后增加两条，分别作为第十三条、第十四条：“第十三条　甲。”“第十四条　乙。”', [
      { kind: 'addArticle', position: 13, after: 12, text: '甲。' }, { kind: 'addArticle', position: 14, after: 12, text: '乙。' }]],
    ['将第十条改为第九条，修改为：“第九条　甲。”', [{ kind: 'moveArticle', article: 10, position: 9 }, { kind: 'replaceArticle', article: 10, text: '甲。' }]],
    ['将第十条改为第九条，第二款修改为：“甲。”', [{ kind: 'moveArticle', article: 10, position: 9 }, { kind: 'replaceParagraph', article: 10, paragraph: 2, text: '甲。' }]],
    ['第五条改为第六条，第六条改为第五条', [{ kind: 'moveArticle', article: 5, position: 6 }, { kind: 'moveArticle', article: 6, position: 5 }]],
    ['第十条第一款修改为：“甲。”', [{ kind: 'replaceParagraph', article: 10, paragraph: 1, text: '甲。' }]],
    ['第四条增加一款，作为第三款：“甲。”', [{ kind: 'addParagraph', article: 4, paragraph: 3, text: '甲。' }]],
    ['在第十条第一款后增加两款，作为第二款、第三款：“甲。\n乙。”', [{ kind: 'addParagraph', article: 10, paragraph: 2, text: '甲。\n乙。' }]],
    ['将第二章章名修改为“监督管理”', [{ kind: 'renameHeading', heading: 'chapter', chapter: 2, name: '监督管理' }]],
    ['将第二章的章名“管理”修改为“监督管理”', [{ kind: 'renameHeading', heading: 'chapter', chapter: 2, name: '监督管理' }]],
    ['将《示例》第十条中的“甲”修改为“乙”', [{ kind: 'replacePhrase', scope: { article: 10 }, phrase: '甲', replacement: '乙' }]],
    ['将第十条第二款第三项中的“甲”删去', [{ kind: 'deletePhrase', scope: { article: 10, paragraph: 2, item: 3 }, phrase: '甲' }]],
    ['在《示例》第七条中增加一项作为第六项，即：“甲；”', [{ kind: 'addItem', article: 7, item: 6, text: '甲；' }]],
    ['第十三条增加一款作为该条第二款，即：“甲。”', [{ kind: 'addParagraph', article: 13, paragraph: 2, text: '甲。' }]],
    ['第十三条后增加一条作为第十四条，即：“甲。”', [{ kind: 'addArticle', position: 14, after: 13, text: '甲。' }]],
    ['增加一章，作为第五章：“第五章　法律责任\n第三十条　甲。\n乙。\n第三十一条　丙。”', [{ kind: 'addChapter', chapter: 5, name: '法律责任', articles: ['甲。\n乙。', '丙。'], position: 30 }]],
    ['在第二十条后增加一章，作为第四章，章名为“监督管理”', [{ kind: 'addChapter', chapter: 4, name: '监督管理', after: 20, articles: [] }]],
    ['删去第三章', [{ kind: 'deleteChapter', chapter: 3 }]],
    ['将第十条第二款中的“甲”修改为“乙”；增加一款，作为第三款：“丙。”', [
      { kind: 'replacePhrase', scope: { article: 10, paragraph: 2 }, phrase: '甲', replacement: '乙' }, { kind: 'addParagraph', article: 10, paragraph: 3, text: '丙。' }]],
  ];
  it.each(more)('reads %s', (sentence, expected) => {
    const parsed = parseAmendmentDecision(`对《示例》作如下修改：\n一、${sentence}。`);
    expect(parsed.problems).toEqual([]);
    expect(parsed.operations.map(({ clause: _c, sentence: _s, ...op }) => op)).toEqual(expected);
  });

  it('gives a sentence that leaves its article unsaid the one the sentence before was about', () => {
    const parsed = parseAmendmentDecision('对《示例》作如下修改：\n一、将第十条改为第九条，第一款修改为：“甲。”；第二款中的“乙”修改为“丙”。\n二、第三款修改为：“丁。”');
    expect(parsed.operations.map(({ clause: _c, sentence: _s, ...op }) => op)).toEqual([
      { kind: 'moveArticle', article: 10, position: 9 },
      { kind: 'replaceParagraph', article: 10, paragraph: 1, text: '甲。' },
      { kind: 'replacePhrase', scope: { article: 10, paragraph: 2 }, phrase: '乙', replacement: '丙' },
    ]);
    expect(parsed.problems.map((p) => [p.code, p.clause])).toEqual([['unparseable_sentence', 2]]);
  });

  it('reads a quote of several paragraphs each opening with “', () => {
    const parsed = parseAmendmentDecision('对《示例》作如下修改：\n一、将第四条修改为：“管理部门履行下列职责：\n“（一）规划；\n“（二）建设“示范区”。”\n二、删去第五条。');
    expect(parsed.problems).toEqual([]);
    expect(parsed.operations.map((o) => o.kind)).toEqual(['replaceArticle', 'deleteArticle']);
    expect(parsed.operations[0]).toMatchObject({ text: '管理部门履行下列职责：\n（一）规划；\n（二）建设“示范区”。' });
  });

  it('gives one operation, or null, for a sentence read alone', () => {
    expect(parseAmendmentDecisionSentence('删去第三条')).toEqual({ kind: 'deleteArticle', article: 3 });
    expect(parseAmendmentDecisionSentence('删去第三条、第四条')).toBeNull();
  });

  it('lists a clause it cannot read and a stray line after the clauses as problems', () => {
    const parsed = parseAmendmentDecision('对《示例》作如下修改：\n一、删去第三条；对第四条作技术处理。\n二、删去第五条。\n以上意见请研究。');
    expect(parsed.operations.map((o) => o.sentence)).toEqual(['删去第三条', '删去第五条']);
    expect(parsed.problems).toEqual([
      { code: 'unparseable_sentence', clause: 1, text: '对第四条作技术处理', clauseText: '删去第三条；对第四条作技术处理。', message: expect.any(String) },
      { code: 'unrecognized_text', clause: 0, text: '以上意见请研究', clauseText: '', message: expect.any(String) },
    ]);
  });

  it('does not read a number it cannot parse', () => {
    expect(parseAmendmentDecision('一、删去第十十条。').problems.map((p) => p.code)).toEqual(['unparseable_sentence']);
  });
});

describe('parseAmendmentDecision: clauses without numbers', () => {
  it('reads the one unnumbered amendment after the preamble as clause 1, and the closing after it', () => {
    expect(parseAmendmentDecision('对《甲条例》作如下修改：\n将第一条中的“甲”修改为“乙”。\n本决定自公布之日起施行。')).toEqual({
      title: '',
      preamble: '对《甲条例》作如下修改：',
      closing: '本决定自公布之日起施行。',
      operations: [{ kind: 'replacePhrase', scope: { article: 1 }, phrase: '甲', replacement: '乙', clause: 1, sentence: '将第一条中的“甲”修改为“乙”' }],
      problems: [],
    });
  });

  it('reads each unnumbered line as a clause of its own, numbered in order, a quote running over lines included', () => {
    const parsed = parseAmendmentDecision([
      '关于修改《甲条例》的决定', '（2025年1月1日通过）', '示例市人民代表大会常务委员会决定对《甲条例》作以下修改：',
      '将第一条中的“甲”修改为“乙”；删去第二条第二款。', '删去第三条。', '将第四条修改为：“管理部门履行下列职责：', '（一）规划；', '（二）建设。”',
      '此外，对条文顺序作相应调整。', '本决定自公布之日起施行。', '《甲条例》根据本决定作相应修改，重新公布。',
    ].join('\n'));
    expect(parsed.title).toBe('关于修改《甲条例》的决定');
    expect(parsed.preamble).toBe('（2025年1月1日通过）\n示例市人民代表大会常务委员会决定对《甲条例》作以下修改：');
    expect(parsed.closing).toBe('此外，对条文顺序作相应调整。\n本决定自公布之日起施行。\n《甲条例》根据本决定作相应修改，重新公布。');
    expect(parsed.problems).toEqual([]);
    expect(parsed.operations).toEqual([
      { kind: 'replacePhrase', scope: { article: 1 }, phrase: '甲', replacement: '乙', clause: 1, sentence: '将第一条中的“甲”修改为“乙”' },
      { kind: 'deleteParagraph', article: 2, paragraph: 2, clause: 1, sentence: '删去第二条第二款' },
      { kind: 'deleteArticle', article: 3, clause: 2, sentence: '删去第三条' },
      { kind: 'replaceArticle', article: 4, text: '管理部门履行下列职责：\n（一）规划；\n（二）建设。', clause: 3, sentence: '将第四条修改为：“管理部门履行下列职责：\n（一）规划；\n（二）建设。”' },
      { kind: 'renumberNote', clause: 0, sentence: '此外，对条文顺序作相应调整' },
    ]);
  });

  it('reports an unnumbered line it cannot read, and a stray line after the closing', () => {
    const parsed = parseAmendmentDecision('对《甲条例》作如下修改：\n对第四条作技术处理。\n本决定自公布之日起施行。\n以上意见请研究。');
    expect(parsed.operations).toEqual([]);
    expect(parsed.closing).toBe('本决定自公布之日起施行。\n以上意见请研究。');
    expect(parsed.problems).toEqual([
      { code: 'unparseable_sentence', clause: 1, text: '对第四条作技术处理', clauseText: '对第四条作技术处理。', message: '无法识别的修改句：对第四条作技术处理' },
      { code: 'unrecognized_text', clause: 0, text: '以上意见请研究', clauseText: '', message: '决定末尾无法识别的文字：以上意见请研究' },
    ]);
  });

  it('reads an unnumbered amendment after a preamble ending in 决定：', () => {
    const parsed = parseAmendmentDecision('关于修改《甲条例》的决定\n示例市人民代表大会常务委员会第二十次会议决定：\n将《甲条例》第三条中的“甲”修改为“乙”。\n本决定自公布之日起施行。');
    expect(parsed.preamble).toBe('示例市人民代表大会常务委员会第二十次会议决定：');
    expect(parsed.closing).toBe('本决定自公布之日起施行。');
    expect(parsed.operations).toEqual([{ kind: 'replacePhrase', scope: { article: 3 }, phrase: '甲', replacement: '乙', clause: 1, sentence: '将《甲条例》第三条中的“甲”修改为“乙”' }]);
    expect(parsed.problems).toEqual([]);
  });

  it('reports, and does not read, an amendment in the preamble before any line ending in 作如下修改：', () => {
    const parsed = parseAmendmentDecision('关于修改《甲条例》的决定\n将第一条中的“甲”修改为“乙”。本决定自公布之日起施行。\n删去第三条。\n一、删去第五条。');
    expect(parsed.operations).toEqual([{ kind: 'deleteArticle', article: 5, clause: 1, sentence: '删去第五条' }]);
    expect(parsed.problems).toEqual([
      { code: 'unrecognized_text', clause: 0, text: '将第一条中的“甲”修改为“乙”', clauseText: '', message: '未适用决定前言中的修改句：将第一条中的“甲”修改为“乙”' },
      { code: 'unrecognized_text', clause: 0, text: '删去第三条', clauseText: '', message: '未适用决定前言中的修改句：删去第三条' },
    ]);
  });

  it('reports no problem for a renumbering note in the preamble, which changes no text', () => {
    const parsed = parseAmendmentDecision('关于修改《甲条例》的决定\n此外，对条文顺序作相应调整。\n对《甲条例》作如下修改：\n一、删去第五条。');
    expect(parsed.operations).toEqual([{ kind: 'deleteArticle', article: 5, clause: 1, sentence: '删去第五条' }]);
    expect(parsed.problems).toEqual([]);
  });

  it('reads every line ending in 作如下修改： as preamble, the unnumbered clause coming after the last', () => {
    const parsed = parseAmendmentDecision('示例市人民代表大会常务委员会决定对《甲条例》等二部法规作如下修改：\n对《甲条例》作如下修改：\n删去第三条。\n本决定自公布之日起施行。');
    expect(parsed.preamble).toBe('示例市人民代表大会常务委员会决定对《甲条例》等二部法规作如下修改：\n对《甲条例》作如下修改：');
    expect(parsed.operations).toEqual([{ kind: 'deleteArticle', article: 3, clause: 1, sentence: '删去第三条' }]);
    expect(parsed.problems).toEqual([]);
  });
});

describe('parseAmendmentDecision: sentences that name the regulation they amend', () => {
  it('reads a sentence naming the regulation of the preamble, and reports one naming another, with the sentences after it in its clause', () => {
    const parsed = parseAmendmentDecision('对《甲条例》作如下修改：\n一、将《乙条例》第三条中的“甲”修改为“乙”；删去第五条。\n二、删去《甲条例》第六条；删去第七条。');
    expect(parsed.operations).toEqual([
      { kind: 'deleteArticle', article: 6, clause: 2, sentence: '删去《甲条例》第六条' },
      { kind: 'deleteArticle', article: 7, clause: 2, sentence: '删去第七条' },
    ]);
    const clauseText = '将《乙条例》第三条中的“甲”修改为“乙”；删去第五条。';
    expect(parsed.problems).toEqual([
      { code: 'title_mismatch', clause: 1, text: '将《乙条例》第三条中的“甲”修改为“乙”', clauseText, message: '该句修改的是《乙条例》，而决定修改的是《甲条例》，未适用' },
      { code: 'title_mismatch', clause: 1, text: '删去第五条', clauseText, message: '该句接着修改《乙条例》，而决定修改的是《甲条例》，未适用' },
    ]);
  });

  it('applies nothing of a decision whose clauses amend several regulations without a preamble naming one, and reports a clause naming none', () => {
    const parsed = parseAmendmentDecision('关于修改《甲条例》等二部地方性法规的决定\n示例市人民代表大会常务委员会决定：\n一、将《甲条例》第三条中的“甲”修改为“乙”。\n二、删去《乙条例》第五条。\n三、删去第七条。\n本决定自公布之日起施行。');
    expect(parsed.operations).toEqual([]);
    expect(parsed.problems).toEqual([
      { code: 'title_mismatch', clause: 1, text: '将《甲条例》第三条中的“甲”修改为“乙”', clauseText: '将《甲条例》第三条中的“甲”修改为“乙”。', message: '决定分别修改《甲条例》《乙条例》，不能确定要修改的是其中哪一部，未适用' },
      { code: 'title_mismatch', clause: 2, text: '删去《乙条例》第五条', clauseText: '删去《乙条例》第五条。', message: '决定分别修改《甲条例》《乙条例》，不能确定要修改的是其中哪一部，未适用' },
      { code: 'title_mismatch', clause: 3, text: '删去第七条', clauseText: '删去第七条。', message: '决定分别修改《甲条例》《乙条例》，该句没有写明修改的是哪一部，未适用' },
    ]);
  });
});
