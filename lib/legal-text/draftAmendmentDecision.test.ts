import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareTexts } from './compareTexts';
import type { TextComparison } from './comparison';
import { draftAmendmentDecision } from './draftAmendmentDecision';
import { articleLabel } from './labels';
import { renumberReferences } from './renumberReferences';
import { parseRegulation } from './parse';
import { toParseJson, type ArticleJson, type ParseJson } from './toParseJson';

const original = toParseJson(parseRegulation(readFileSync(path.resolve(process.cwd(), 'testdata/corpus/dev/reg-078-zhoushan.md'), 'utf8')));
const para = (eid: string, text: string) => ({ eid, text, items: [], subitems: [] });

/// Applies `edit` to a copy of the text's articles and renumbers them as the editor would.
function edited(edit: (articles: ArticleJson[]) => void): ParseJson {
  const copy: ParseJson = structuredClone(original);
  edit(copy.articles);
  copy.articles.forEach((a, i) => Object.assign(a, { number: i + 1, label: articleLabel(i + 1) }));
  return copy;
}

/// The clauses for one edit of the first 款 of 第二条, from `before` to `after`.
function clausesFor(before: string, after: string): string[] {
  const withText = (text: string) => {
    const copy: ParseJson = structuredClone(original);
    copy.articles[1].paragraphs[0].text = text;
    return copy;
  };
  return draftAmendmentDecision(compareTexts(withText(before), withText(after), { alignment: 'eid' })).clauses;
}

/// The clauses for `edit` made to the text (articles renumbered as the editor would).
const clausesOf = (edit: (articles: ArticleJson[]) => void) => draftAmendmentDecision(compareTexts(original, edited(edit), { alignment: 'eid' })).clauses;

/// Replaces `from` (which must be there) in 款 `p` of an article.
function replaceIn(article: ArticleJson, p: number, from: string, to: string): void {
  expect(article.paragraphs[p].text).toContain(from);
  article.paragraphs[p].text = article.paragraphs[p].text.replace(from, to);
}

describe('draftAmendmentDecision: the phrase a clause quotes', () => {
  it('quotes two changes with at most two unchanged characters between them as one phrase', () => {
    expect(clausesFor('依照《中华人民共和国物权法》的规定执行。', '依照《中华人民共和国民法典》的规定执行。')).toEqual(['一、将第二条第一款中的“物权法”修改为“民法典”。']);
    // 甲、乙、丙… is read one character a word, so only the bridging joins the changes here.
    expect(clausesFor('甲、乙、丙、丁、戊、己。', '甲、X乙Y、丙、丁、戊、己。')).toEqual(['一、将第二条第一款中的“、乙”修改为“、X乙Y”。']);
    expect(clausesFor('甲、乙、丙、丁、戊、己。', '甲、X乙、Y丙、丁、戊、己。')).toEqual(['一、将第二条第一款中的“乙、”修改为“X乙、Y”。']);
    // Three unchanged characters keep the two changes apart.
    expect(clausesFor('甲、乙、丙、丁、戊、己。', '甲、X乙、丙Y、丁、戊、己。')).toEqual(['一、在第二条第一款中的“甲、”后增加“X”；在第二条第一款中的“、丙”后增加“Y”。']);
  });

  it('quotes whole words, not the part of a word the word diff changed', () => {
    // The word diff keeps the shared 入 of 纳入 and 列入 out of the change; quoted as it comes,
    // the clause would read “资金纳”修改为“资金列”.
    expect(clausesFor('专项资金纳入预算管理。', '专项资金列入预算管理。')).toEqual(['一、将第二条第一款中的“纳入”修改为“列入”。']);
    expect(clausesFor('市人民政府应当加强管理。', '市人民政府应当加强监理。')).toEqual(['一、将第二条第一款中的“管理”修改为“监理”。']);
  });

  it('widens a one-character change to two characters that occur once', () => {
    expect(clausesFor('由市人民政府规定。', '由县人民政府规定。')).toEqual(['一、将第二条第一款中的“由市”修改为“由县”。']);
  });

  it('restates the 款 rather than quote a phrase that cuts a quotation in half, whatever the quotation marks', () => {
    for (const [open, close] of [['“', '”'], ['「', '」'], ['‘', '’']]) {
      const before = `禁止饲养${open}斗犬${close}等烈性犬。`;
      const after = `禁止饲养${open}斗牛犬${close}等烈性犬。`;
      expect(clausesFor(before, after)).toEqual([`一、将第二条第一款修改为：“${after}”`]);
    }
  });
});

describe('draftAmendmentDecision', () => {
  const amended = edited((articles) => {
    articles[7].paragraphs[1].text = '养犬规约由业主大会会议依法制定，报街道办事处备案。';
    articles[11].paragraphs[0].text = '本市行政区域内禁止饲养、繁殖烈性犬。';
    articles[3].paragraphs[0].text = articles[3].paragraphs[0].text.replace('养犬管理', '养犬服务管理');
    articles.splice(9, 0, { ...structuredClone(articles[8]), eid: 'art_new', paragraphs: [para('art_new__p1', '鼓励养犬人为犬只购买责任保险。')] });
    articles.splice(6, 1);
  });

  it('lists exactly the edits made, numbered and phrased as a 修改决定', () => {
    const decision = draftAmendmentDecision(compareTexts(original, amended, { alignment: 'eid' }));
    expect(decision).toEqual({
      title: '关于修改《舟山市养犬管理条例》的决定',
      preamble: '对《舟山市养犬管理条例》作如下修改：',
      clauses: [
        '一、在第四条第一款中的“管理”前增加“服务”。',
        '二、删去第七条。',
        '三、将第八条第二款修改为：“养犬规约由业主大会会议依法制定，报街道办事处备案。”',
        '四、增加一条，作为第九条：“鼓励养犬人为犬只购买责任保险。”',
        '五、在第十二条第一款中的“饲养”后增加“、繁殖”。',
      ],
      closing: '此外，对条文顺序作相应调整。\n本决定自　　年　　月　　日起施行。\n《舟山市养犬管理条例》根据本决定作相应修改，重新公布。',
    });
  });

  it('dates the 施行 clause when the date is known', () => {
    const decision = draftAmendmentDecision(compareTexts(original, amended, { alignment: 'eid' }), '舟山市养犬管理条例', { effectiveOn: '2027-03-01' });
    expect(decision.closing!.split('\n')).toEqual(['此外，对条文顺序作相应调整。', '本决定自2027年3月1日起施行。', '《舟山市养犬管理条例》根据本决定作相应修改，重新公布。']);
  });

  it('gives the same clauses when the texts are aligned by content', () => {
    const byEid = draftAmendmentDecision(compareTexts(original, amended, { alignment: 'eid' }));
    expect(draftAmendmentDecision(compareTexts(original, amended)).clauses).toEqual(byEid.clauses);
  });

  it('removes and adds whole 款, and leaves out 对条文顺序作相应调整 when no number shifts', () => {
    const text = edited((articles) => {
      articles[11].paragraphs.splice(2, 1);
      articles[8].paragraphs.push(para('p_new', '新闻媒体应当开展文明养犬公益宣传。'));
      articles[4].paragraphs[0].text = articles[4].paragraphs[0].text.replace('领导', '统一领导');
      articles[15].paragraphs[0].text = articles[15].paragraphs[0].text.replace('合理设置', '科学设置');
    });
    expect(draftAmendmentDecision(compareTexts(original, text, { alignment: 'eid' }))).toEqual({
      title: '关于修改《舟山市养犬管理条例》的决定',
      preamble: '对《舟山市养犬管理条例》作如下修改：',
      clauses: [
        '一、在第五条中的“领导”前增加“统一”。',
        '二、在第九条中增加一款，作为第三款：“新闻媒体应当开展文明养犬公益宣传。”',
        '三、删去第十二条第三款。',
        '四、将第十六条第一款中的“合理”修改为“科学”。',
      ],
      closing: '本决定自　　年　　月　　日起施行。\n《舟山市养犬管理条例》根据本决定作相应修改，重新公布。',
    });
  });

  it('has no clauses for identical texts', () => {
    expect(draftAmendmentDecision(compareTexts(original, original)).clauses).toEqual([]);
  });
});

describe('draftAmendmentDecision on renumbering', () => {
  it('leaves citations that only followed the renumbering to the closing sentence', () => {
    const text = edited((articles) => {
      articles.splice(11, 0, { ...structuredClone(articles[11]), eid: 'art_x', paragraphs: [para('art_x_p1', '新增的一条。')] });
    });
    // Renumber the citations of later articles as the editor's derived labels would.
    const numbers = new Map(original.articles.map((a, i) => [a.number, i >= 11 ? a.number + 1 : a.number]));
    for (const a of text.articles) for (const p of a.paragraphs) p.text = renumberReferences(p.text, numbers);
    const comparison = compareTexts(original, text, { alignment: 'eid' });
    const followers = comparison.articles.filter((a) => a.referencesOnly);
    expect(followers.length).toBeGreaterThan(0);
    expect(draftAmendmentDecision(comparison)).toMatchObject({
      clauses: ['一、增加一条，作为第十二条：“新增的一条。”'],
      closing: expect.stringMatching(/^此外，对条文顺序作相应调整。\n本决定自/),
    });
  });
});

describe('draftAmendmentDecision: which 款, and when to restate', () => {

  it('cites the 款 a change is in, even at the 款\'s very first character', () => {
    expect(clausesOf((a) => { a[1].paragraphs[1].text = a[1].paragraphs[1].text.replace('军用', '部队'); })).toEqual(['一、将第二条第二款中的“军用”修改为“部队”。']);
  });

  it('quotes an insertion of up to 40 characters and restates the article beyond that', () => {
    const forty = '并'.padEnd(40, '甲');
    expect(clausesOf((a) => { a[4].paragraphs[0].text = a[4].paragraphs[0].text.replace('应当加强', `应当${forty}加强`); })).toEqual([`一、在第五条中的“应当”后增加“${forty}”。`]);
    const longer = edited((a) => { a[4].paragraphs[0].text = a[4].paragraphs[0].text.replace('应当加强', `应当${forty}乙加强`); });
    expect(draftAmendmentDecision(compareTexts(original, longer, { alignment: 'eid' })).clauses).toEqual([`一、将第五条修改为：“${longer.articles[4].paragraphs[0].text}”`]);
  });

  it('restates an article of one 款 without naming a 第一款', () => {
    expect(clausesOf((a) => { a[4].paragraphs[0].text = '市、县（区）人民政府负责本行政区域内的养犬管理工作。'; })).toEqual(['一、将第五条修改为：“市、县（区）人民政府负责本行政区域内的养犬管理工作。”']);
  });

  it('deletes a phrase with 删去, not by changing it to nothing', () => {
    expect(clausesOf((a) => { a[4].paragraphs[0].text = a[4].paragraphs[0].text.replace('、财政', ''); })).toEqual(['一、删去第五条中的“、财政”。']);
  });

  it('reads a comparison stored before heading changes were compared (no headings field)', () => {
    const comparison = compareTexts(original, edited((a) => { a[4].paragraphs[0].text = a[4].paragraphs[0].text.replace('、财政', ''); }), { alignment: 'eid' });
    const stored = { ...comparison, headings: undefined } as unknown as TextComparison;
    expect(draftAmendmentDecision(stored).clauses).toEqual(['一、删去第五条中的“、财政”。']);
  });

  it('removes or adds a 款 in the middle of an article', () => {
    expect(clausesOf((a) => { a[2].paragraphs.splice(1, 1); })).toEqual(['一、删去第三条第二款。']);
    expect(clausesOf((a) => { a[2].paragraphs.splice(1, 0, para('p_new', '重点管理区的具体范围由市人民政府划定并公布。')); })).toEqual([
      '一、在第三条中增加一款，作为第二款：“重点管理区的具体范围由市人民政府划定并公布。”',
    ]);
  });
});

describe('draftAmendmentDecision: title and order', () => {
  const oneEdit = compareTexts(original, edited((articles) => {
    articles[1].paragraphs[0].text = articles[1].paragraphs[0].text.replace('养犬行为', '饲养犬只行为');
  }), { alignment: 'eid' });

  it('names the text inside 《》 once, turning the 《》 of a law named in its title into 〈〉', () => {
    expect(draftAmendmentDecision(oneEdit, '《舟山市养犬管理条例》')).toMatchObject({ title: '关于修改《舟山市养犬管理条例》的决定', preamble: '对《舟山市养犬管理条例》作如下修改：' });
    const nested = draftAmendmentDecision(oneEdit, '舟山市实施《中华人民共和国动物防疫法》办法');
    expect(nested.title).toBe('关于修改《舟山市实施〈中华人民共和国动物防疫法〉办法》的决定');
    expect(nested.closing!.split('\n').at(-1)).toBe('《舟山市实施〈中华人民共和国动物防疫法〉办法》根据本决定作相应修改，重新公布。');
    // A title that starts with one law's name, or starts and ends with two, is not wrapped in 《》.
    expect(draftAmendmentDecision(oneEdit, '《中华人民共和国动物防疫法》与《舟山市养犬管理条例》衔接规定').title).toBe(
      '关于修改《〈中华人民共和国动物防疫法〉与〈舟山市养犬管理条例〉衔接规定》的决定',
    );
    expect(draftAmendmentDecision(oneEdit, '《中华人民共和国动物防疫法》与《舟山市养犬管理条例》').title).toBe(
      '关于修改《〈中华人民共和国动物防疫法〉与〈舟山市养犬管理条例〉》的决定',
    );
  });

  it('unwraps a title given in 《》 that names a law inside it, and turns the inner 《》 into 〈〉', () => {
    const decision = draftAmendmentDecision(oneEdit, '《舟山市实施《中华人民共和国动物防疫法》办法》');
    expect(decision).toMatchObject({
      title: '关于修改《舟山市实施〈中华人民共和国动物防疫法〉办法》的决定',
      preamble: '对《舟山市实施〈中华人民共和国动物防疫法〉办法》作如下修改：',
    });
    expect(decision.closing!.split('\n').at(-1)).toBe('《舟山市实施〈中华人民共和国动物防疫法〉办法》根据本决定作相应修改，重新公布。');
  });

  it('keeps every character of a title whose 《》 do not pair up, turning them into 〈〉', () => {
    // A stray 》 at the end, or 《 at the start, is not taken for one of 《》 around the whole title.
    const decisionFor = (name: string) => ({
      title: `关于修改《${name}》的决定`,
      preamble: `对《${name}》作如下修改：`,
      clauses: ['一、将第二条第一款中的“养犬”修改为“饲养犬只”。'],
      closing: `本决定自　　年　　月　　日起施行。\n《${name}》根据本决定作相应修改，重新公布。`,
    });
    expect(draftAmendmentDecision(oneEdit, '舟山市实施《中华人民共和国动物防疫法》办法》')).toEqual(decisionFor('舟山市实施〈中华人民共和国动物防疫法〉办法〉'));
    expect(draftAmendmentDecision(oneEdit, '《舟山市实施《中华人民共和国动物防疫法》办法')).toEqual(decisionFor('〈舟山市实施〈中华人民共和国动物防疫法〉办法'));
  });

  it('puts an added article after the clause of the article before it', () => {
    const text = edited((articles) => {
      articles[8].paragraphs[0].text = articles[8].paragraphs[0].text.replace('街道办事处', '街道办事处、开发区管理机构');
      articles.splice(9, 0, { ...structuredClone(articles[8]), eid: 'art_new', paragraphs: [para('art_new__p1', '鼓励养犬人为犬只购买责任保险。')] });
    });
    const clauses = draftAmendmentDecision(compareTexts(original, text, { alignment: 'eid' })).clauses;
    expect(clauses).toHaveLength(2);
    expect(clauses[0]).toBe('一、在第九条第一款中的“应当”前增加“、开发区管理机构”。');
    expect(clauses[1]).toBe('二、增加一条，作为第十条：“鼓励养犬人为犬只购买责任保险。”');
  });
});

describe('draftAmendmentDecision on headings', () => {
  it('puts a renamed chapter before the clause of its first article', () => {
    const text = edited((articles) => {
      articles[10].paragraphs[0].text = articles[10].paragraphs[0].text.replace('重点管理区内', '本市行政区域内');
    });
    text.outline = text.outline.map((o) => (o.kind === 'chapter' && o.number === 2 ? { ...o, heading: '免疫、登记与年检' } : o));
    const clauses = draftAmendmentDecision(compareTexts(original, text, { alignment: 'eid' })).clauses;
    // The segmenter reads 区内 as one word of the old text, so 内 is quoted too.
    expect(clauses).toEqual(['一、将第二章的章名修改为“免疫、登记与年检”。', expect.stringMatching(/^二、将第十一条(第一款)?中的“重点管理区内”修改为“本市行政区域内”。$/)]);
  });

  it('renames a chapter in its place among the article clauses', () => {
    const chapter2 = original.outline.find((o) => o.kind === 'chapter' && o.number === 2)!;
    const text = edited((articles) => {
      articles[0].paragraphs[0].text = articles[0].paragraphs[0].text.replace('制定本条例', '制定本条例。');
    });
    text.outline = text.outline.map((o) => (o === text.outline.find((x) => x.kind === 'chapter' && x.number === 2) ? { ...o, heading: '养犬登记与管理' } : o));
    const decision = draftAmendmentDecision(compareTexts(original, text, { alignment: 'eid' }));
    expect(decision.clauses).toHaveLength(2);
    expect(decision.clauses[1]).toBe(`二、将第二章的章名修改为“养犬登记与管理”。`);
    expect(chapter2.heading).not.toBe('养犬登记与管理');
  });

  it('does not read an inserted chapter as every later chapter renamed', () => {
    const text = edited(() => {});
    const chapters = text.outline.filter((o) => o.kind === 'chapter');
    text.outline = [...text.outline, { ...chapters[chapters.length - 1], number: chapters.length + 1, label: '第九十九章', heading: '新增一章' }];
    text.outline = text.outline.map((o) => (o.kind === 'chapter' && o.number > 1 ? { ...o, heading: `${o.heading}（移后）` } : o));
    expect(compareTexts(original, text, { alignment: 'eid' }).headings).toEqual([]);
  });
});

describe('draftAmendmentDecision: exact clauses at the limits of a phrase clause', () => {
  const article5 = original.articles[4].paragraphs[0].text;

  it('quotes up to three changes of an article in one clause, joined by “；”, and restates the article for a fourth', () => {
    const three = (a: ArticleJson[]) => {
      replaceIn(a[4], 0, '加强', '强化');
      replaceIn(a[4], 0, '公安、', '公安机关、');
      replaceIn(a[4], 0, '的领导', '的统一领导');
    };
    expect(clausesOf(three)).toEqual(['一、将第五条中的“加强”修改为“强化”；在第五条中的“领导”前增加“统一”；在第五条中的“公安”后增加“机关”。']);
    const four = (a: ArticleJson[]) => {
      three(a);
      replaceIn(a[4], 0, '协调和保障', '协调保障');
    };
    expect(clausesOf(four)).toEqual([
      `一、将第五条修改为：“${article5.replace('加强', '强化').replace('的领导', '的统一领导').replace('公安、', '公安机关、').replace('协调和保障', '协调保障')}”`,
    ]);
  });

  it('quotes a removal of 40 characters and restates the article for a longer one', () => {
    const forty = '、综合行政执法、畜牧兽医、卫生健康、市场监督管理、住房城乡建设、生态环境、财政等';
    expect(forty).toHaveLength(40);
    expect(clausesOf((a) => replaceIn(a[4], 0, forty, ''))).toEqual([`一、删去第五条中的“${forty}”。`]);
    expect(clausesOf((a) => replaceIn(a[4], 0, `${forty}部门`, ''))).toEqual([`一、将第五条修改为：“${article5.replace(`${forty}部门`, '')}”`]);
  });

  it('quotes a change that rewrites half of a 款, and restates a 款 rewritten more than half', () => {
    expect(clausesFor('养犬人应当按时登记。', '犬主按时登记。')).toEqual(['一、将第二条第一款中的“养犬人应当”修改为“犬主”。']);
    expect(clausesFor('养犬人应当按时登记。', '犬主须及时登记。')).toEqual(['一、将第二条第一款修改为：“犬主须及时登记。”']);
  });

  it('restates the whole article when one of two changed 款 is more than half rewritten, even if the other is not', () => {
    const before = edited((a) => { a[1].paragraphs[1].text = '军犬警犬除外。'; });
    const after: ParseJson = structuredClone(before);
    replaceIn(after.articles[1], 0, '养犬行为', '饲养犬只行为');
    after.articles[1].paragraphs[1].text = '特种犬只除外。';
    expect(draftAmendmentDecision(compareTexts(before, after, { alignment: 'eid' })).clauses).toEqual([
      '一、将第二条修改为：“本市行政区域内的饲养犬只行为以及相关管理活动，适用本条例。\n特种犬只除外。”',
    ]);
  });

  it('restates the 款 when a replaced phrase would cut a quotation in half', () => {
    expect(clausesFor('禁止饲养“斗犬”等烈性犬。', '禁止饲养“斗犬等”烈性犬。')).toEqual(['一、将第二条第一款修改为：“禁止饲养“斗犬等”烈性犬。”']);
  });

  it('quotes a phrase that carries a whole quotation of its own', () => {
    expect(clausesOf((a) => replaceIn(a[6], 0, '养犬管理服务信息系统', '“智慧养犬”信息系统'))).toEqual(['一、将第七条中的“养犬管理服务”修改为““智慧养犬””。']);
  });

  it('quotes a phrase that carries a whole 「」 or ‘’ quotation of its own', () => {
    // The marks pair up inside the phrase, so it is quoted rather than the article restated.
    for (const [open, close] of [['「', '」'], ['‘', '’']]) {
      const quoted = `${open}智慧养犬${close}`;
      expect(clausesOf((a) => replaceIn(a[6], 0, '养犬管理服务信息系统', `${quoted}信息系统`))).toEqual([`一、将第七条中的“养犬管理服务”修改为“${quoted}”。`]);
    }
  });
});

describe('draftAmendmentDecision: the words a phrase is quoted with', () => {
  it('anchors an insertion at the start of a 款 on the words after it, as many as make it unique', () => {
    expect(clausesFor('犬只应当免疫，犬只应当登记。', '饲养的犬只应当免疫，犬只应当登记。')).toEqual(['一、在第二条第一款中的“犬只应当免疫”前增加“饲养的”。']);
  });

  it('quotes up to four words before a changed word that occurs more than once', () => {
    expect(clausesFor('个人养犬应当办理登记，单位养犬应当办理登记。', '个人养犬应当办理登记，单位养犬应当申请登记。')).toEqual([
      '一、将第二条第一款中的“单位养犬应当办理”修改为“单位养犬应当申请”。',
    ]);
  });

  it('restates the 款 when four words before a changed word do not tell its occurrences apart', () => {
    const before = '城区的养犬人应当遵守规定；乡村的养犬人应当遵守规定。';
    expect(clausesFor(before, '城区的养犬人应当遵守规定；乡村的养犬人应当执行规定。')).toEqual(['一、将第二条第一款修改为：“城区的养犬人应当遵守规定；乡村的养犬人应当执行规定。”']);
  });

  it('never quotes a phrase across a line break: restates the article when only the line before tells the phrase apart', () => {
    // 款 with 目 of its own and 项 with 目: “1.身份” occurs in two lines, “\n1.身份” in one.
    const withLines = (first: string) =>
      edited((a) => {
        a[4].paragraphs = [
          {
            eid: 'p1',
            text: '申请登记应当提交下列材料：',
            subitems: [
              { eid: 's1', label: '1.', text: first, subitems: [] },
              { eid: 's2', label: '2.', text: '住址证明。', subitems: [] },
            ],
            items: [{ eid: 'i1', label: '（一）', text: '个人养犬的：', subitems: [{ eid: 'i1s1', label: '1.', text: '身份证明；', subitems: [] }] }],
          },
        ];
      });
    const clauses = draftAmendmentDecision(compareTexts(withLines('身份证明；'), withLines('户籍证明；'), { alignment: 'eid' })).clauses;
    expect(clauses).toEqual(['一、将第五条修改为：“申请登记应当提交下列材料：\n1.户籍证明；\n2.住址证明。\n（一）个人养犬的：\n  1.身份证明；”']);
  });
});

describe('draftAmendmentDecision: which 款 a change is cited in', () => {
  it('cites the second 款 for a change at its start after a removal in the first', () => {
    expect(
      clausesOf((a) => {
        replaceIn(a[1], 0, '以及相关管理活动', '');
        replaceIn(a[1], 1, '军用', '部队');
      }),
    ).toEqual(['一、删去第二条第一款中的“以及相关管理活动”；将第二条第二款中的“军用”修改为“部队”。']);
  });

  it('cites the first 款 for an insertion before its closing full stop', () => {
    expect(clausesOf((a) => replaceIn(a[1], 0, '适用本条例。', '适用本条例，但法律、法规另有规定的除外。'))).toEqual([
      '一、在第二条第一款中的“条例”后增加“，但法律、法规另有规定的除外”。',
    ]);
  });
});

describe('draftAmendmentDecision on stored comparisons and headings', () => {
  it('restates the changed 款 or article when a stored comparison has no word tokens', () => {
    const comparison = compareTexts(
      original,
      edited((a) => {
        replaceIn(a[4], 0, '、财政', '');
        replaceIn(a[1], 1, '军用', '部队');
      }),
      { alignment: 'eid' },
    );
    for (const row of comparison.articles) delete row.tokens;
    expect(draftAmendmentDecision(comparison).clauses).toEqual([
      `一、将第二条第二款修改为：“${original.articles[1].paragraphs[1].text.replace('军用', '部队')}”`,
      `二、将第五条修改为：“${original.articles[4].paragraphs[0].text.replace('、财政', '')}”`,
    ]);
  });

  it('puts the renaming of a chapter that holds no article after every article clause', () => {
    const before: ParseJson = structuredClone(original);
    before.outline.push({ kind: 'chapter', number: 7, label: '第七章', heading: '附录', eid: 'chp_7', firstArticle: null, lastArticle: null, articles: 0 });
    const after: ParseJson = structuredClone(before);
    after.outline[after.outline.length - 1].heading = '名词解释';
    replaceIn(after.articles[49], 0, '依法给予处分', '依法给予政务处分');
    replaceIn(after.articles[50], 0, '自行处理', '妥善处理');
    expect(draftAmendmentDecision(compareTexts(before, after, { alignment: 'eid' })).clauses).toEqual([
      '一、在第五十条中的“给予”后增加“政务”。',
      // 妥善处理 is one word to the segmenter, so the phrase changed is the whole of it.
      '二、将第五十一条中的“自行处理”修改为“妥善处理”。',
      '三、将第七章的章名修改为“名词解释”。',
    ]);
  });
});
