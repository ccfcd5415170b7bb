import { describe, expect, it } from 'vitest';
import { parseAmendmentDecision } from './parseAmendmentDecision';

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
