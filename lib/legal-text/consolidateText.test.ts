import { describe, expect, it } from 'vitest';
import { articleText } from './articleText';
import type { ConsolidationProblemCode } from './consolidateModel';
import { consolidateText } from './consolidateText';
import { parseRegulation } from './parse';
import { toParseJson, type ParseJson } from './toParseJson';

const SOURCE = `# 示例管理条例

## 第一章 总则

第一条 为了规范示例管理，制定本条例。

第二条 本条例适用于本市的示例管理活动。

军用示例的管理，按照国家有关规定执行。

第三条 市人民政府负责示例工作。

## 第二章 管理

第四条 管理部门应当履行下列职责：

（一）制定规划；

（二）组织登记；

（三）开展检查。

第五条 养犬人应当遵守下列规定：

（一）办理登记；

（二）出户时束犬链：

1.犬链不超过一点五米；

2.由成年人牵领。

第六条 违反本条例第四条规定的，由管理部门责令改正。

## 第三章 附则

第七条 本条例自2025年1月1日起施行。
`;
const text = toParseJson(parseRegulation(SOURCE));

/// Each article as one string: label, chapter, then its 款, 项 and 目 lines joined by “/”.
const show = (t: ParseJson) => t.articles.map((a) => `${a.label}@${a.chapter} ${articleText(a).split('\n').join('/')}`);
const BASE = show(text);
const decision = (...clauses: string[]) =>
  ['关于修改《示例管理条例》的决定', '', '对《示例管理条例》作如下修改：', ...clauses.map((c, i) => `${'一二三四五六七八九十'[i]}、${c}`)].join('\n');
/// The base text with articles replaced by index (null removes one); `extra` inserts after index.
const edited = (changes: Record<number, string | null>, inserted: Record<number, string[]> = {}) =>
  BASE.flatMap((line, i) => [...(inserted[i] ?? []), ...(changes[i] === null ? [] : [changes[i] ?? line])]);

/// 第四条 with its second 项 rewritten.
const ARTICLE_4 = (second: string) => `第四条@2 管理部门应当履行下列职责：/（一）制定规划；/（二）${second}/（三）开展检查。`;

const cases: Array<[string, string[], string[]]> = [
  ['将第X条修改为 (several 款)', ['将第三条修改为：“市、区人民政府负责示例工作。\n区人民政府应当配合。”'],
    edited({ 2: '第三条@1 市、区人民政府负责示例工作。/区人民政府应当配合。' })],
  ['将第X条修改为 (with 项)', ['将第四条修改为：“管理部门履行下列职责：\n（一）规划；\n（二）登记。”'],
    edited({ 3: '第四条@2 管理部门履行下列职责：/（一）规划；/（二）登记。' })],
  ['将第X条第Y款修改为', ['将第二条第二款修改为：“特种示例的管理，按照国家规定执行。”'],
    edited({ 1: '第二条@1 本条例适用于本市的示例管理活动。/特种示例的管理，按照国家规定执行。' })],
  ['删去第X条 (later articles and their citations follow)', ['删去第三条。', '此外，对条文顺序作相应调整。'],
    [...BASE.slice(0, 2), '第三条@2 管理部门应当履行下列职责：/（一）制定规划；/（二）组织登记；/（三）开展检查。',
      BASE[4].replace('第五条', '第四条'), '第五条@2 违反本条例第三条规定的，由管理部门责令改正。', '第六条@3 本条例自2025年1月1日起施行。']],
  ['删去第X条第Y款', ['删去第二条第二款。'], edited({ 1: '第二条@1 本条例适用于本市的示例管理活动。' })],
  ['删去第X条第Y款第（Z）项 (items renumbered)', ['删去第四条第一款第（二）项。'],
    edited({ 3: '第四条@2 管理部门应当履行下列职责：/（一）制定规划；/（二）开展检查。' })],
  ['增加一条，作为第X条', ['增加一条，作为第四条：“区人民政府应当支持示例工作。”'],
    [...BASE.slice(0, 3), '第四条@1 区人民政府应当支持示例工作。', BASE[3].replace('第四条', '第五条'), BASE[4].replace('第五条', '第六条'),
      '第七条@2 违反本条例第五条规定的，由管理部门责令改正。', '第八条@3 本条例自2025年1月1日起施行。']],
  ['在第X条后增加一条，作为第X+1条', ['在第六条后增加一条，作为第七条：“违反本条例第五条规定的，予以警告。”'],
    [...BASE.slice(0, 6), '第七条@2 违反本条例第五条规定的，予以警告。', '第八条@3 本条例自2025年1月1日起施行。']],
  ['在第X条中增加一款，作为第Y款', ['在第二条中增加一款，作为第二款：“法律另有规定的，从其规定。”'],
    edited({ 1: '第二条@1 本条例适用于本市的示例管理活动。/法律另有规定的，从其规定。/军用示例的管理，按照国家有关规定执行。' })],
  ['将第X条中的“甲”修改为“乙”', ['将第一条中的“规范”修改为“加强”。'], edited({ 0: '第一条@1 为了加强示例管理，制定本条例。' })],
  ['将第X条第Y款中的“甲”修改为“乙”', ['将第二条第二款中的“国家”修改为“国家和本市”。'],
    edited({ 1: '第二条@1 本条例适用于本市的示例管理活动。/军用示例的管理，按照国家和本市有关规定执行。' })],
  ['将第X条第Y款第（Z）项中的“甲”修改为“乙”', ['将第五条第一款第（二）项中的“束犬链”修改为“束犬绳”。'],
    edited({ 4: BASE[4].replace('束犬链', '束犬绳') })],
  ['将第X条中的“甲”删去', ['将第三条中的“示例”删去。'], edited({ 2: '第三条@1 市人民政府负责工作。' })],
  ['删去第X条中的“甲” (as the generator writes it)', ['删去第三条中的“示例”。'], edited({ 2: '第三条@1 市人民政府负责工作。' })],
  ['在第X条中的“甲”后增加“乙”', ['在第三条中的“负责”后增加“全市”。'], edited({ 2: '第三条@1 市人民政府负责全市示例工作。' })],
  ['在第X条中的“甲”前增加“乙”', ['在第四条中的“部门”前增加“主管”。'], edited({ 3: BASE[3].replace('管理部门', '管理主管部门') })],
  ['第X条改为第Y条', ['第六条改为第五条。'], [...BASE.slice(0, 4), '第五条@2 违反本条例第四条规定的，由管理部门责令改正。', BASE[4].replace('第五条', '第六条'), BASE[6]]],
  ['several operations in one clause', ['将第一条中的“规范”修改为“加强”；删去第二条第二款。'],
    edited({ 0: '第一条@1 为了加强示例管理，制定本条例。', 1: '第二条@1 本条例适用于本市的示例管理活动。' })],
  ['article numbers name the text before the decision', ['删去第二条。', '将第三条中的“示例”删去。'],
    ['第一条@1 为了规范示例管理，制定本条例。', '第二条@1 市人民政府负责工作。', ...BASE.slice(3).map((l, i) => l.replace(/^第.条/, `第${'三四五六'[i]}条`).replace('第四条规定', '第三条规定'))]],
  // 项 (an item cited without its 款 is one of the 款 that has items).
  ['将第X条第Y款第（Z）项修改为 (label in the quote)', ['将第四条第一款第（二）项修改为：“（二）组织登记和年检；”'], edited({ 3: ARTICLE_4('组织登记和年检；') })],
  ['将第X条第（Z）项修改为 (no 款, no label)', ['将第四条第（二）项修改为：“组织登记和年检；”'], edited({ 3: ARTICLE_4('组织登记和年检；') })],
  ['将第X条第Z项修改为 (with its 目)', ['将第五条第二项修改为：“（二）出户时束犬绳：\n1.犬绳不超过二米；\n2.由成年人牵领。”'],
    edited({ 4: BASE[4].replace(/束犬链/, '束犬绳').replace('犬链不超过一点五米', '犬绳不超过二米') })],
  ['将第X条第Y款第（Z）项修改为两项', ['将第四条第一款第（二）项修改为两项，作为第（二）项、第（三）项：“（二）组织登记；\n（三）组织年检；”'],
    edited({ 3: '第四条@2 管理部门应当履行下列职责：/（一）制定规划；/（二）组织登记；/（三）组织年检；/（四）开展检查。' })],
  ['在第X条第Y款中增加一项，作为第（Z）项', ['在第四条第一款中增加一项，作为第（三）项：“（三）组织培训；”'],
    edited({ 3: '第四条@2 管理部门应当履行下列职责：/（一）制定规划；/（二）组织登记；/（三）组织培训；/（四）开展检查。' })],
  ['在第X条中增加一项，作为第Z项 (no 款, no label)', ['在第四条中增加一项，作为第四项：“开展宣传。”'], edited({ 3: `${BASE[3]}/（四）开展宣传。` })],
  ['在第X条第Y款第（Z）项后增加一项，作为第（W）项', ['在第四条第一款第（一）项后增加一项，作为第（二）项：“（二）编制计划；”'],
    edited({ 3: '第四条@2 管理部门应当履行下列职责：/（一）制定规划；/（二）编制计划；/（三）组织登记；/（四）开展检查。' })],
  ['删去第X条第（Z）项 (no 款)', ['删去第四条第（二）项。'], edited({ 3: '第四条@2 管理部门应当履行下列职责：/（一）制定规划；/（二）开展检查。' })],
  // Several targets in one sentence.
  ['删去第X条、第Y条', ['删去第三条、第六条。'],
    [...BASE.slice(0, 2), BASE[3].replace('第四条', '第三条'), BASE[4].replace('第五条', '第四条'), '第五条@3 本条例自2025年1月1日起施行。']],
  ['删去第X条第Y款第（Z）项、第（W）项', ['删去第四条第一款第（一）项、第（三）项。'], edited({ 3: '第四条@2 管理部门应当履行下列职责：/（一）组织登记；' })],
  // A phrase in several scopes or in the whole text: every occurrence, each scope holding one.
  ['将第X条、第Y条中的“甲”修改为“乙”', ['将第一条、第三条中的“示例”修改为“样例”。'],
    edited({ 0: '第一条@1 为了规范样例管理，制定本条例。', 2: '第三条@1 市人民政府负责样例工作。' })],
  ['将第X条第Y款、第Z款中的“甲”修改为“乙”', ['将第二条第一款、第二款中的“管理”修改为“治理”。'],
    edited({ 1: '第二条@1 本条例适用于本市的示例治理活动。/军用示例的治理，按照国家有关规定执行。' })],
  ['将本条例中的“甲”修改为“乙”', ['将本条例中的“示例”修改为“样例”。'], BASE.map((l) => l.replaceAll('示例', '样例'))],
  ['将本条例中的“甲”统一修改为“乙”', ['将本条例中的“管理部门”统一修改为“主管部门”。'], BASE.map((l) => l.replaceAll('管理部门', '主管部门'))],
  ['将第X条中的“甲”统一修改为“乙” (every occurrence in one article)', ['将第二条中的“示例”统一修改为“样例”。'], edited({ 1: BASE[1].replaceAll('示例', '样例') })],
  ['将本条例中的“甲”删去', ['将本条例中的“示例”删去。'], BASE.map((l) => l.replaceAll('示例', ''))],
  ['将第X条至第Y条中的“甲”修改为“乙”', ['将第一条至第三条中的“示例”修改为“样例”。'], BASE.map((l, i) => (i < 3 ? l.replaceAll('示例', '样例') : l))],
  // Several phrases in one sentence.
  ['将第X条中的“甲”修改为“乙”，“丙”修改为“丁”', ['将第一条中的“规范”修改为“加强”，“制定”修改为“制订”。'], edited({ 0: '第一条@1 为了加强示例管理，制订本条例。' })],
  ['将第X条中的“甲”、“乙”删去', ['将第三条中的“市”、“示例”删去。'], edited({ 2: '第三条@1 人民政府负责工作。' })],
  ['a later sentence of the clause takes the article (；第二款中的)', ['将第二条第一款中的“本市”修改为“本省”；第二款中的“国家”修改为“国家和本省”。'],
    edited({ 1: '第二条@1 本条例适用于本省的示例管理活动。/军用示例的管理，按照国家和本省有关规定执行。' })],
  // Several 款 in one quote.
  ['将第X条第Y款修改为两款，作为第Y款、第Y+1款', ['将第二条第二款修改为两款，作为第二款、第三款：“军用示例的管理，按照国家有关规定执行。”“警用示例的管理，参照本条例执行。”'],
    edited({ 1: `${BASE[1]}/警用示例的管理，参照本条例执行。` })],
  ['将第X条修改为 (each 款 opening with its own “)', ['将第三条修改为：“市、区人民政府负责示例工作。\n“区人民政府应当配合。”'],
    edited({ 2: '第三条@1 市、区人民政府负责示例工作。/区人民政府应当配合。' })],
  ['将第X条修改为 (each 款 in its own quotes)', ['将第三条修改为：“市、区人民政府负责示例工作。”“区人民政府应当配合。”'],
    edited({ 2: '第三条@1 市、区人民政府负责示例工作。/区人民政府应当配合。' })],
  ['将第X条修改为 (the quote with its article label)', ['将第三条修改为：“第三条　市、区人民政府负责示例工作。”'], edited({ 2: '第三条@1 市、区人民政府负责示例工作。' })],
  // Articles.
  ['增加一条，作为第X条之一', ['增加一条，作为第三条之一：“区人民政府应当支持示例工作。”'], edited({}, { 3: ['第三条之一@1 区人民政府应当支持示例工作。'] })],
  ['在第X条后增加两条，分别作为第Y条、第Z条', ['在第三条后增加两条，分别作为第四条、第五条：“甲。”“乙。”'],
    [...BASE.slice(0, 3), '第四条@1 甲。', '第五条@1 乙。', ...['六', '七', '八', '九'].map((n, i) => BASE[3 + i].replace(/^第.条/, `第${n}条`).replace('第四条规定', '第六条规定'))]],
  ['将第X条改为第Y条，修改为', ['将第六条改为第五条，修改为：“违反本条例规定的，由管理部门责令改正。”'],
    [...BASE.slice(0, 4), '第五条@2 违反本条例规定的，由管理部门责令改正。', BASE[4].replace('第五条', '第六条'), BASE[6]]],
  ['将第X条改为第Y条，并将其中的“甲”修改为“乙”', ['将第六条改为第五条，并将其中的“责令改正”修改为“责令限期改正”。'],
    [...BASE.slice(0, 4), '第五条@2 违反本条例第四条规定的，由管理部门责令限期改正。', BASE[4].replace('第五条', '第六条'), BASE[6]]],
  ['第X条改为第Y条，第Y条改为第X条', ['第五条改为第六条，第六条改为第五条。'],
    [...BASE.slice(0, 4), '第五条@2 违反本条例第四条规定的，由管理部门责令改正。', BASE[4].replace('第五条', '第六条'), BASE[6]]],
  // Noise of real texts.
  ['half-width punctuation', ['将第一条中的“规范”修改为:“加强”;删去第二条第二款'],
    edited({ 0: '第一条@1 为了加强示例管理，制定本条例。', 1: '第二条@1 本条例适用于本市的示例管理活动。' })],
  ['「」 quotes', ['将第一条中的「规范」修改为「加强」。'], edited({ 0: '第一条@1 为了加强示例管理，制定本条例。' })],
  ['a sentence running on after a quote ending in 。', ['将第三条修改为：“市、区人民政府负责示例工作。”删去第七条。'],
    [...BASE.slice(0, 2), '第三条@1 市、区人民政府负责示例工作。', ...BASE.slice(3, 6)]],
  ['nested quotes', ['将第三条中的“示例工作”修改为““示范区”建设工作”。'], edited({ 2: '第三条@1 市人民政府负责“示范区”建设工作。' })],
];

describe("consolidateText", () => {
  it.each(cases)('applies %s', (_, clauses, expected) => {
    const result = consolidateText(text, decision(...clauses));
    expect(result.problems).toEqual([]);
    expect(show(result.text)).toEqual(expected);
  });

  it('renames a chapter (将第X章的章名修改为)', () => {
    const result = consolidateText(text, decision('将第二章的章名修改为“监督管理”。'));
    expect(result.problems).toEqual([]);
    expect(result.text.outline.map((o) => `${o.label}${o.heading}`)).toEqual(['第一章总则', '第二章监督管理', '第三章附则']);
    expect(show(result.text)).toEqual(BASE);
  });

  const outline = (t: ParseJson) => t.outline.map((o) => `${o.label}${o.heading}`).join(' ');
  const chapters: Array<[string, string, string[], string]> = [
    ['增加一章，作为第X章：“第X章　名称 / 第Y条　……”', '增加一章，作为第三章：“第三章　法律责任\n第七条　违反本条例规定的，予以处罚。”',
      [...BASE.slice(0, 6), '第七条@3 违反本条例规定的，予以处罚。', '第八条@4 本条例自2025年1月1日起施行。'], '第一章总则 第二章管理 第三章法律责任 第四章附则'],
    ['在第X章后增加一章 (each line opening with “)', '在第二章后增加一章，作为第三章：“第三章　法律责任\n“第七条　违反本条例规定的，予以处罚。”',
      [...BASE.slice(0, 6), '第七条@3 违反本条例规定的，予以处罚。', '第八条@4 本条例自2025年1月1日起施行。'], '第一章总则 第二章管理 第三章法律责任 第四章附则'],
    ['增加一章，章名为…，with the articles that follow in the clause', '增加一章，作为第三章，章名为“法律责任”；增加两条，分别作为第七条、第八条：“甲。”“乙。”',
      [...BASE.slice(0, 6), '第七条@3 甲。', '第八条@3 乙。', '第九条@4 本条例自2025年1月1日起施行。'], '第一章总则 第二章管理 第三章法律责任 第四章附则'],
    ['在第X条后增加一章 (the articles after it come under it)', '在第五条后增加一章，作为第三章，章名为“法律责任”。',
      [...BASE.slice(0, 5), BASE[5].replace('@2', '@3'), BASE[6].replace('@3', '@4')], '第一章总则 第二章管理 第三章法律责任 第四章附则'],
    ['删去第X章 (with its articles)', '删去第一章。',
      ['第一条@1 管理部门应当履行下列职责：/（一）制定规划；/（二）组织登记；/（三）开展检查。', BASE[4].replace('第五条@2', '第二条@1'),
        '第三条@1 违反本条例第一条规定的，由管理部门责令改正。', '第四条@2 本条例自2025年1月1日起施行。'], '第一章管理 第二章附则'],
  ];
  it.each(chapters)('applies %s', (_, clause, expected, headings) => {
    const result = consolidateText(text, decision(clause));
    expect(result.problems).toEqual([]);
    expect(show(result.text)).toEqual(expected);
    expect(outline(result.text)).toBe(headings);
  });

  it.each(['此外，对条文顺序作相应调整。', '此外，根据本决定对章节、条文的顺序作相应调整。'])('reads %s as a note that changes nothing', (note) => {
    const result = consolidateText(text, `${decision('删去第七条。')}\n${note}`);
    expect(result.applied.map((o) => o.kind)).toEqual(['deleteArticle', 'renumberNote']);
    expect(show(result.text)).toEqual(BASE.slice(0, 6));
  });

  it('keeps eids of surviving articles and names new ones art_new_N, skipping eids in use', () => {
    const once = consolidateText(text, decision('增加一条，作为第二条：“甲。”', '删去第三条。'));
    expect(once.text.articles.map((a) => a.eid)).toEqual(['art_1', 'art_new_1', 'art_2', 'art_4', 'art_5', 'art_6', 'art_7']);
    const twice = consolidateText(once.text, decision('增加一条，作为第一条：“乙。”'));
    expect(twice.text.articles.slice(0, 3).map((a) => a.eid)).toEqual(['art_new_2', 'art_1', 'art_new_1']);
    expect(twice.text.articles[0].paragraphs[0].eid).toBe('art_new_2__para_1');
  });

  const problems: Array<[string, string, ConsolidationProblemCode]> = [
    ['a missing article', '删去第九条。', 'article_not_found'],
    ['a missing 款', '删去第二条第三款。', 'paragraph_not_found'],
    ['a missing 项', '删去第四条第一款第（九）项。', 'item_not_found'],
    ['a phrase found twice', '将第二条中的“示例”修改为“样例”。', 'phrase_ambiguous'],
    ['a phrase not found', '将第一条中的“不存在的话”修改为“话”。', 'phrase_not_found'],
    ['an unknown sentence', '对第一条作技术处理。', 'unparseable_sentence'],
    ['a number past the end', '增加一条，作为第二十条：“甲。”', 'position_out_of_range'],
    ['a missing chapter', '将第九章的章名修改为“甲”。', 'heading_not_found'],
    ['a change to a derived label', '将第四条中的“（一）制定”修改为“制定”。', 'label_changed'],
    ['quoted text holding an article label', '将第一条修改为：“第二条 甲。”', 'bad_quoted_text'],
    ['an article already deleted', '删去第一条；将第一条中的“规范”修改为“加强”。', 'article_not_found'],
    ['a 项 of an article without one', '删去第二条第（一）项。', 'item_not_found'],
    ['a phrase missing from one of several articles', '将第一条、第四条中的“示例”修改为“样例”。', 'phrase_not_found'],
    ['a phrase nowhere in the text', '将本条例中的“不存在的话”修改为“话”。', 'phrase_not_found'],
    ['a quote holding fewer 款 than it says', '将第二条第二款修改为两款，作为第二款、第三款：“甲。”', 'bad_quoted_text'],
    ['a quote holding several 项 for one', '将第四条第（二）项修改为：“（二）甲；\n（三）乙；”', 'bad_quoted_text'],
    ['a quote that is no 项', '将第四条第（二）项修改为：“甲；\n乙。”', 'bad_quoted_text'],
    ['an added 项 whose number does not follow the one it comes after', '在第四条第一款第（一）项后增加一项，作为第（三）项：“甲；”', 'position_out_of_range'],
    ['a 之二 with no 之一', '增加一条，作为第三条之二：“甲。”', 'position_out_of_range'],
    ['two added articles in one quote without labels', '增加两条，作为第二条、第三条：“甲。\n乙。”', 'bad_quoted_text'],
    ['a sentence leaving its article unsaid with none before', '第二款修改为：“甲。”', 'unparseable_sentence'],
    ['a chapter past the end', '增加一章，作为第五章：“第五章　甲\n第八条　乙。”', 'position_out_of_range'],
    ['a chapter whose first article gets another number', '增加一章，作为第三章：“第三章　法律责任\n第九条　甲。”', 'position_out_of_range'],
    ['a chapter quoted with another number', '增加一章，作为第三章：“第四章　法律责任\n第七条　甲。”', 'bad_quoted_text'],
    ['a chapter with no articles and no place', '增加一章，作为第三章，章名为“法律责任”。', 'bad_quoted_text'],
    ['a missing chapter to delete', '删去第五章。', 'heading_not_found'],
  ];

  it.each(problems)('reports %s and still applies the other clauses', (_, clause, code) => {
    const result = consolidateText(text, decision(clause, '将第七条中的“2025”修改为“2026”。'));
    expect(result.problems.map((p) => [p.code, p.clause])).toEqual([[code, 1]]);
    expect(result.problems[0].clauseText).toContain(result.problems[0].text);
    expect(result.applied.map((o) => o.clause)).toContain(2);
    expect(result.text.articles.at(-1)!.paragraphs[0].text).toBe('本条例自2026年1月1日起施行。');
  });

  it('reports a 项 cited without its 款 when several 款 of the article have items', () => {
    const two = toParseJson(parseRegulation('# 示例管理条例\n\n第一条 应当做到：\n\n（一）子；\n\n（二）丑。\n\n禁止下列行为：\n\n（一）寅；\n\n（二）卯。\n\n违反的，予以处罚。\n'));
    const result = consolidateText(two, decision('删去第一条第（一）项。', '删去第一条第二款、第三款。', '将第一条第一款第（二）项修改为：“辰。”'));
    expect(result.problems.map((p) => [p.code, p.clause])).toEqual([['paragraph_not_found', 1]]);
    expect(show(result.text)).toEqual(['第一条@undefined 应当做到：/（一）子；/（二）辰。']);
  });

  const numbered: Array<[string, string]> = [['一、', '二、'], ['（一）', '（二）'], ['1.', '2.'], ['1、', '2、']];
  it.each(numbered)('reads clauses numbered %s %s', (first, second) => {
    const result = consolidateText(text, `对《示例管理条例》作如下修改：\n${first}将第一条中的“规范”修改为“加强”；删去第二条第二款。\n${second}删去第七条。`);
    expect(result.problems).toEqual([]);
    expect(result.applied.map((o) => [o.kind, o.clause])).toEqual([['replacePhrase', 1], ['deleteParagraph', 1], ['deleteArticle', 2]]);
  });

  it('reads a decision pasted with straight quotes', () => {
    const result = consolidateText(text, decision('将第一条中的"规范"修改为"加强"。'));
    expect(result.problems).toEqual([]);
    expect(show(result.text)[0]).toBe('第一条@1 为了加强示例管理，制定本条例。');
  });

  const packaged = (first: string, second: string) => [
    `关于修改《${first}》等二部地方性法规的决定`, '（2025年1月1日通过）', '示例市人民代表大会常务委员会决定：',
    `一、对《${first}》作如下修改：`, '（一）删去第一条。', '（二）删去第二条。',
    `二、对《${second}》作如下修改：`, '（一）将第一条中的“规范”修改为“加强”。', '（二）删去第七条。',
    '本决定自公布之日起施行。', `《${first}》《${second}》根据本决定作相应修改，重新公布。`,
  ].join('\n');
  it.each([['first', '示例管理条例', '其他条例'], ['second', '其他条例', '示例管理条例']])('reads the %s part of a decision amending several regulations', (_, first, second) => {
    const result = consolidateText(text, packaged(first, second));
    expect(result.problems).toEqual([]);
    expect(show(result.text)).toEqual(first === '示例管理条例' ? BASE.slice(2).map((l, i) => l.replace(/^第.条/, `第${'一二三四五'[i]}条`).replace('第四条规定', '第二条规定'))
      : [BASE[0].replace('规范', '加强'), ...BASE.slice(1, 6)]);
    expect(result.closing).toBe('本决定自公布之日起施行。\n《其他条例》《示例管理条例》根据本决定作相应修改，重新公布。'.replace(/《其他条例》《示例管理条例》/, `《${first}》《${second}》`));
  });

  it('applies nothing of a decision amending several regulations none of which is the text', () => {
    const result = consolidateText(text, packaged('其他条例', '别的条例'));
    expect(result.problems.map((p) => p.code)).toEqual(['title_mismatch']);
    expect(result.applied).toEqual([]);
    expect(show(result.text)).toEqual(BASE);
  });

  it('reports a decision that names another regulation', () => {
    const result = consolidateText(text, '关于修改《别的条例》的决定\n对《别的条例》作如下修改：\n一、删去第七条。');
    expect(result.problems.map((p) => p.code)).toEqual(['title_mismatch']);
  });
});
