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

describe('consolidateText: the exact report of a clause that cannot be applied', () => {
  const messages: Array<[string, string, ConsolidationProblemCode, string]> = [
    ['a missing article', '删去第九条。', 'article_not_found', '没有第九条（或已删去）'],
    ['a missing 款', '删去第二条第三款。', 'paragraph_not_found', '该条没有第三款（或已删去、已改写）'],
    ['a missing 项', '删去第四条第一款第（九）项。', 'item_not_found', '该款没有第（九）项（或已删去）'],
    ['a missing 项 of the one 款 of an article', '删去第一条第（一）项。', 'item_not_found', '该款没有第（一）项（或已删去）'],
    ['a 项 of an article of several 款 without any', '删去第二条第（一）项。', 'item_not_found', '该条没有列项的款'],
    ['quoted text holding an article label', '将第一条修改为：“第二条 甲。”', 'bad_quoted_text', '引号中的条文为空，或含有条、章等标题行'],
    ['a quote that is no 项', '将第四条第（二）项修改为：“甲；\n乙。”', 'bad_quoted_text', '引号中的文字不是一项或几项'],
    ['a 款 past the end', '在第二条中增加一款，作为第五款：“甲。”', 'paragraph_not_found', '该条不能增加第五款'],
    ['a 项 past the end', '在第四条第一款中增加一项，作为第（五）项：“甲；”', 'position_out_of_range', '该款不能增加第（五）项'],
    ['a phrase not found', '将第一条中的“不存在的话”修改为“话”。', 'phrase_not_found', '未找到“不存在的话”'],
    ['a phrase found twice', '将第二条中的“示例”修改为“样例”。', 'phrase_ambiguous', '“示例”出现了2次，无法确定修改哪一处'],
    ['a change to a 项 label', '将第四条中的“（一）制定”修改为“制定”。', 'label_changed', '修改会改动编号“（一）”'],
    ['a change to an indented 目 label', '将第五条中的“1.犬链”修改为“犬链”。', 'label_changed', '修改会改动编号“1.”'],
    ['a change to an indented 目 label throughout', '将本条例中的“1.犬链”修改为“犬绳”。', 'label_changed', '修改会改动编号“1.”'],
    ['a change to 项 labels throughout', '将本条例中的“（一）”修改为“一”。', 'label_changed', '修改会改动编号“（一）”'],
    ['a phrase nowhere in the text', '将本条例中的“不存在的话”修改为“话”。', 'phrase_not_found', '全文未找到“不存在的话”'],
    ['a phrase missing from one of several articles', '将第一条、第四条中的“示例”修改为“样例”。', 'phrase_not_found', '第四条未找到“示例”'],
    ['a phrase missing from one of several 款', '将第二条第一款、第二款中的“军用”修改为“警用”。', 'phrase_not_found', '第二条第一款未找到“军用”'],
    ['a phrase missing from one of several 项', '将第五条第一款第（一）项、第（二）项中的“犬链”修改为“犬绳”。', 'phrase_not_found', '第五条第一款第（一）项未找到“犬链”'],
    ['a number past the end', '增加一条，作为第二十条：“甲。”', 'position_out_of_range', '修改后只有8条，不能作为第二十条'],
    ['a chapter with no articles and no place', '增加一章，作为第三章，章名为“法律责任”。', 'bad_quoted_text', '增加的章中没有条文'],
    ['a 之二 with no 之一', '增加一条，作为第三条之二：“甲。”', 'position_out_of_range', '第三条之后应增加的是第三条之一'],
    ['a missing chapter', '将第九章的章名修改为“甲”。', 'heading_not_found', '没有这一标题'],
    ['an empty phrase', '将第一条中的“”修改为“甲”。', 'phrase_not_found', '未找到“”'],
    ['an empty phrase throughout', '将本条例中的“”修改为“甲”。', 'phrase_not_found', '全文未找到“”'],
    ['an empty quote for an article', '将第三条修改为：“”', 'bad_quoted_text', '引号中的条文为空，或含有条、章等标题行'],
    ['a quote holding a chapter heading', '将第三条修改为：“甲。\n第二章　管理\n乙。”', 'bad_quoted_text', '引号中的条文为空，或含有条、章等标题行'],
    ['a quote holding a markdown heading', '将第三条修改为：“甲。\n## 其他\n乙。”', 'bad_quoted_text', '引号中的条文为空，或含有条、章等标题行'],
    ['a quote holding the end-of-info marker', '将第三条修改为：“甲。\n<!-- INFO END -->\n乙。”', 'bad_quoted_text', '引号中的条文为空，或含有条、章等标题行'],
    ['an empty quote for a 项', '将第四条第（二）项修改为：“”', 'bad_quoted_text', '引号中的文字不是一项或几项'],
    ['a phrase in another 款 of the article', '将第二条第二款中的“本市”修改为“本省”。', 'phrase_not_found', '未找到“本市”'],
    ['a phrase in another 项 of the article', '将第四条第（一）项中的“组织”修改为“开展”。', 'phrase_not_found', '未找到“组织”'],
    ['a chapter past the end', '增加一章，作为第五章：“第五章　甲\n第八条　乙。”', 'position_out_of_range', '增加的章将是第四章，而不是第五章'],
    // Found once the text is numbered: the clause must still leave the text as it was.
    ['a chapter whose first article gets another number', '增加一章，作为第三章：“第三章　法律责任\n第九条　甲。”', 'position_out_of_range', '增加的章的第一条成了第七条，而不是第九条'],
    ['a chapter after an article whose first article gets another number', '在第五条后增加一章，作为第三章：“第三章　法律责任\n第八条　甲。”',
      'position_out_of_range', '增加的章的第一条成了第六条，而不是第八条'],
    ['an article moved past the end', '第五条改为第二十条。', 'position_out_of_range', '修改后只有7条，不能作为第二十条'],
  ];
  it.each(messages)('reports %s with its message, applying only the other clause', (_, clause, code, message) => {
    const result = consolidateText(text, decision(clause, '将第七条中的“2025”修改为“2026”。'));
    expect(result.problems.map((p) => [p.code, p.clause, p.message])).toEqual([[code, 1, message]]);
    expect(result.applied.map((o) => [o.kind, o.clause])).toEqual([['replacePhrase', 2]]);
    expect(show(result.text)).toEqual(edited({ 6: '第七条@3 本条例自2026年1月1日起施行。' }));
    expect(result.text.outline).toEqual(text.outline);
  });

  it('reports a chapter whose first article gets another number than the decision gives it', () => {
    const result = consolidateText(text, decision('增加一章，作为第三章：“第三章　法律责任\n第九条　甲。”', '将第七条中的“2025”修改为“2026”。'));
    expect(result.problems.map((p) => [p.code, p.clause, p.message])).toEqual([['position_out_of_range', 1, '增加的章的第一条成了第七条，而不是第九条']]);
    expect(result.applied.map((o) => [o.kind, o.clause])).toEqual([['replacePhrase', 2]]);
  });

  it('leaves out the first clause found wrong once the text is numbered, and applies again the next, which then fits', () => {
    // The chapter of clause 1 takes 第三条 rather than 第四条, and with it in the text the chapter of
    // clause 2 would start at 第八条 rather than 第七条; without it, clause 2 fits.
    const result = consolidateText(text, decision('在第二条后增加一章，作为第二章：“第二章　乙\n第四条　丙。”', '增加一章，作为第三章：“第三章　法律责任\n第七条　甲。”'));
    expect(result.problems.map((p) => [p.code, p.clause, p.message])).toEqual([['position_out_of_range', 1, '增加的章的第一条成了第三条，而不是第四条']]);
    expect(result.applied.map((o) => [o.kind, o.clause])).toEqual([['addChapter', 2]]);
    expect(show(result.text)).toEqual([...BASE.slice(0, 6), '第七条@3 甲。', '第八条@4 本条例自2025年1月1日起施行。']);
  });

  it.each<[string, string[], string, string[]]>([
    ['added', ['增加一条，作为第二条：“甲。”', '增加一条，作为第二条：“乙。”'], 'addArticle',
      [BASE[0], '第二条@1 甲。', ...BASE.slice(1).map((l, i) => l.replace(/^第.条/, `第${'三四五六七八'[i]}条`).replace('第四条规定', '第五条规定'))]],
    ['added after the same article', ['在第一条后增加一条，作为第二条：“甲。”', '在第一条后增加一条，作为第二条：“乙。”'], 'addArticle',
      [BASE[0], '第二条@1 甲。', ...BASE.slice(1).map((l, i) => l.replace(/^第.条/, `第${'三四五六七八'[i]}条`).replace('第四条规定', '第五条规定'))]],
    ['moved there', ['第六条改为第五条。', '增加一条，作为第五条：“甲。”'], 'moveArticle',
      [...BASE.slice(0, 4), '第五条@2 违反本条例第四条规定的，由管理部门责令改正。', BASE[4].replace('第五条', '第六条'), BASE[6]]],
  ])('reports a second article placed on the number of one %s before, and applies only the first', (_, clauses, first, expected) => {
    const result = consolidateText(text, decision(...clauses));
    expect(result.problems).toEqual([{ code: 'position_out_of_range', clause: 2, text: clauses[1].replace(/。$/, ''), clauseText: clauses[1].replace(/。$/, ''),
      message: `前面的修改已将一条作为${clauses[0].includes('第五条') ? '第五条' : '第二条'}` }]);
    expect(result.applied.map((o) => [o.kind, o.clause])).toEqual([[first, 1]]);
    expect(show(result.text)).toEqual(expected);
  });

  it('reports an article moved twice, having moved it once', () => {
    const result = consolidateText(text, decision('第五条改为第六条，第五条改为第七条。'));
    expect(result.problems.map((p) => [p.code, p.clause, p.message])).toEqual([['article_not_found', 1, '第五条已经移动过']]);
    expect(show(result.text)).toEqual([...BASE.slice(0, 4), '第五条@2 违反本条例第四条规定的，由管理部门责令改正。', BASE[4].replace('第五条', '第六条'), BASE[6]]);
  });

  it('reports an article placed past the end in the order of the clauses', () => {
    const result = consolidateText(text, decision('增加一条，作为第二十条：“甲。”', '删去第九条。', '删去第十条。'));
    expect(result.problems.map((p) => [p.code, p.clause, p.message])).toEqual([
      ['position_out_of_range', 1, '修改后只有8条，不能作为第二十条'], ['article_not_found', 2, '没有第九条（或已删去）'], ['article_not_found', 3, '没有第十条（或已删去）'],
    ]);
    expect(result.applied).toEqual([]);
    expect(show(result.text)).toEqual(BASE);
  });

  it('reports the sentences of one clause in their order', () => {
    const result = consolidateText(text, decision('增加一条，作为第二十条：“甲。”；删去第九条；删去第十条。'));
    expect(result.problems.map((p) => [p.code, p.clause, p.message])).toEqual([
      ['position_out_of_range', 1, '修改后只有8条，不能作为第二十条'], ['article_not_found', 1, '没有第九条（或已删去）'], ['article_not_found', 1, '没有第十条（或已删去）'],
    ]);
  });

  it('does not find a phrase of the whole text in an article the decision deleted', () => {
    const result = consolidateText(text, decision('删去第三条。', '将本条例中的“市人民政府”修改为“区人民政府”。'));
    expect(result.problems.map((p) => [p.code, p.clause, p.message])).toEqual([['phrase_not_found', 2, '全文未找到“市人民政府”']]);
    expect(result.applied.map((o) => [o.kind, o.clause])).toEqual([['deleteArticle', 1]]);
  });
});

describe('consolidateText: quotes with blank lines', () => {
  it('skips blank lines in a quoted article, the first included', () => {
    const result = consolidateText(text, decision('将第三条修改为：“\n　\n甲。\n \n乙。\n”'));
    expect(result.problems).toEqual([]);
    expect(show(result.text)).toEqual(edited({ 2: '第三条@1 甲。/乙。' }));
  });

  it('skips blank lines in quoted 项 and reads the first, unlabelled and indented, as a 项', () => {
    const result = consolidateText(text, decision('将第四条第（二）项修改为两项，作为第（二）项、第（三）项：“\n　\n  组织年检；\n \n（三）组织培训；”'));
    expect(result.problems).toEqual([]);
    expect(show(result.text)).toEqual(edited({ 3: '第四条@2 管理部门应当履行下列职责：/（一）制定规划；/（二）组织年检；/（三）组织培训；/（四）开展检查。' }));
  });
});

describe('consolidateText: eids of rewritten and added 款, 项 and 目', () => {
  type Sub = { eid: string; subitems: Sub[] };
  const subs = (s: Sub): string[] => [s.eid, ...s.subitems.flatMap(subs)];
  /// The eids of an article's 款, each with its 目 and 项 (each 项 with its 目).
  const eids = (t: ParseJson, label: string) => t.articles.find((a) => a.label === label)!.paragraphs
    .map((p) => [p.eid, ...p.subitems.flatMap(subs), ...p.items.map((i) => [i.eid, ...i.subitems.flatMap(subs)])]);

  it('keeps the eids of the 款 of a rewritten article and names the 款, 项 and 目 it gains', () => {
    const result = consolidateText(text, decision('将第二条修改为：“甲。\n乙。\n丙：\n（一）丁；\n（二）戊：\n1.己；\n2.庚。”'));
    expect(result.problems).toEqual([]);
    expect(show(result.text)[1]).toBe('第二条@1 甲。/乙。/丙：/（一）丁；/（二）戊：/  1.己；/  2.庚。');
    expect(eids(result.text, '第二条')).toEqual([
      ['art_2__para_1'], ['art_2__para_2'],
      ['art_2__para_new_1', ['art_2__para_new_1__item_1'],
        ['art_2__para_new_1__item_2', 'art_2__para_new_1__item_2__subitem_1', 'art_2__para_new_1__item_2__subitem_2']],
    ]);
  });

  it('names the 目 under a 目 of a quoted article', () => {
    const result = consolidateText(text, decision('将第三条修改为：“甲：\n（一）乙：\n1.丙：\n（1）丁。”'));
    expect(result.problems).toEqual([]);
    const i = 'art_3__para_1__item_1';
    expect(eids(result.text, '第三条')).toEqual([['art_3__para_1', [i, `${i}__subitem_1`, `${i}__subitem_1__subitem_1`]]]);
  });

  it('keeps the eid of a rewritten 款 for the first 款 of its quote and skips new-款 eids already in use', () => {
    const once = consolidateText(text, decision('将第二条第二款修改为两款，作为第二款、第三款：“甲。”“乙。”', '在第二条中增加一款，作为第四款：“丙：\n1.丁；\n2.戊。”'));
    expect(once.problems).toEqual([]);
    expect(show(once.text)[1]).toBe('第二条@1 本条例适用于本市的示例管理活动。/甲。/乙。/丙：/1.丁；/2.戊。');
    expect(eids(once.text, '第二条')).toEqual([
      ['art_2__para_1'], ['art_2__para_2'], ['art_2__para_new_1'], ['art_2__para_new_2', 'art_2__para_new_2__subitem_1', 'art_2__para_new_2__subitem_2'],
    ]);
    const twice = consolidateText(once.text, decision('在第二条中增加一款，作为第一款：“丁。”'));
    expect(eids(twice.text, '第二条').map((p) => p[0])).toEqual(['art_2__para_new_3', 'art_2__para_1', 'art_2__para_2', 'art_2__para_new_1', 'art_2__para_new_2']);
  });

  it('keeps the eid of a rewritten 项 for the first 项 of its quote and skips new-项 eids already in use', () => {
    const once = consolidateText(text, decision(
      '将第四条第一款第（二）项修改为两项，作为第（二）项、第（三）项：“（二）组织登记；\n（三）组织年检：\n1.甲；\n2.乙。”',
      '在第四条第一款中增加一项，作为第（五）项：“（五）开展宣传。”'));
    expect(once.problems).toEqual([]);
    expect(show(once.text)[3]).toBe('第四条@2 管理部门应当履行下列职责：/（一）制定规划；/（二）组织登记；/（三）组织年检：/  1.甲；/  2.乙。/（四）开展检查。/（五）开展宣传。');
    const p = 'art_4__para_1';
    expect(eids(once.text, '第四条')).toEqual([[p, [`${p}__item_1`], [`${p}__item_2`],
      [`${p}__item_new_1`, `${p}__item_new_1__subitem_1`, `${p}__item_new_1__subitem_2`], [`${p}__item_3`], [`${p}__item_new_2`]]]);
    const twice = consolidateText(once.text, decision('在第四条第一款中增加一项，作为第（一）项：“（一）编制预算；”'));
    expect(eids(twice.text, '第四条')[0].slice(1, 3)).toEqual([[`${p}__item_new_3`], [`${p}__item_1`]]);
  });
});

describe('consolidateText: a 项 cited without its 款', () => {
  const source = toParseJson(parseRegulation('# 示例管理条例\n\n第一条 甲。\n\n应当做到：\n\n（一）子；\n\n（二）丑。\n\n第二条 寅。\n\n卯。\n'));
  it('finds the 款 that has items, after the 款 without, and the one 款 left after a deletion', () => {
    const result = consolidateText(source, decision('删去第一条第（一）项。', '删去第二条第二款。', '在第二条中增加一项，作为第一项：“辰。”'));
    expect(result.problems).toEqual([]);
    expect(show(result.text)).toEqual(['第一条@undefined 甲。/应当做到：/（一）丑。', '第二条@undefined 寅。/（一）辰。']);
  });

  it('reports a 项 cited without its 款 in an article where several 款 have items', () => {
    const two = toParseJson(parseRegulation('# 示例管理条例\n\n第一条 应当做到：\n\n（一）子；\n\n（二）丑。\n\n禁止下列行为：\n\n（一）寅；\n\n（二）卯。\n'));
    const result = consolidateText(two, decision('删去第一条第（一）项。'));
    expect(result.problems.map((p) => [p.code, p.message])).toEqual([['paragraph_not_found', '该条有两款列有项，须写明是第几款的项']]);
  });

  it('adds a 项 to an article of one 款 without any', () => {
    const result = consolidateText(text, decision('在第一条中增加一项，作为第一项：“甲。”'));
    expect(result.problems).toEqual([]);
    expect(show(result.text)).toEqual(edited({ 0: '第一条@1 为了规范示例管理，制定本条例。/（一）甲。' }));
  });
});

describe('consolidateText: the title and the order of the report', () => {
  const other = ['关于修改《别的条例》的决定', '对《别的条例》作如下修改：', '一、删去第九条。', '二、对第一条作技术处理。', '三、删去第七条。', '本决定自公布之日起施行。', '甲乙丙。'].join('\n');

  it('reports the title first, then the clauses in order, then the closing, and still applies the clauses it can', () => {
    const result = consolidateText(text, other);
    expect(result.problems.map((p) => [p.code, p.clause, p.text, p.message])).toEqual([
      ['title_mismatch', 0, '别的条例', '决定修改的是《别的条例》，而文本是《示例管理条例》'],
      ['article_not_found', 1, '删去第九条', '没有第九条（或已删去）'],
      ['unparseable_sentence', 2, '对第一条作技术处理', '无法识别的修改句：对第一条作技术处理'],
      ['unrecognized_text', 0, '甲乙丙', '决定末尾无法识别的文字：甲乙丙'],
    ]);
    expect(result.applied.map((o) => [o.kind, o.clause])).toEqual([['deleteArticle', 3]]);
    expect(show(result.text)).toEqual(BASE.slice(0, 6));
    expect(result.problems[0].clauseText).toBe('');
  });

  it('does not compare the title of a text that has none', () => {
    const result = consolidateText({ ...text, title: '' }, other);
    expect(result.problems.map((p) => p.code)).toEqual(['article_not_found', 'unparseable_sentence', 'unrecognized_text']);
  });

  const packaged = (first: string, second: string) => [
    `关于修改《${first}》等二部地方性法规的决定`, '（2025年1月1日通过）', '示例市人民代表大会常务委员会决定：',
    `  一、对《${first}》作如下修改：`, '（一）删去第一条。', `  二、对《${second}》作如下修改：`, '（一）删去第七条。', '本决定自公布之日起施行。',
  ].join('\n');

  /// Parts of one amendment each, written without its number (一、对《甲条例》作如下修改：\n将第一条……).
  const unnumbered = (first: string, second: string) => [
    `关于修改《${first}》等二部地方性法规的决定`, '（2025年1月1日通过）', '示例市人民代表大会常务委员会决定：',
    `一、对《${first}》作如下修改：`, first === '示例管理条例' ? '将第一条中的“规范”修改为“加强”。' : '删去第一条。',
    `二、对《${second}》作如下修改：`, second === '示例管理条例' ? '将第一条中的“规范”修改为“加强”。' : '删去第一条。', '本决定自公布之日起施行。',
  ].join('\n');
  it.each([['first', '示例管理条例', '其他条例'], ['last', '其他条例', '示例管理条例']])('reads the %s of parts of one unnumbered clause as a decision of its own', (_, first, second) => {
    const result = consolidateText(text, unnumbered(first, second));
    expect(result.problems).toEqual([]);
    expect(result.preamble).toBe('（2025年1月1日通过）\n示例市人民代表大会常务委员会决定：\n对《示例管理条例》作如下修改：');
    expect(result.closing).toBe('本决定自公布之日起施行。');
    expect(result.applied.map((o) => [o.kind, o.clause, o.sentence])).toEqual([['replacePhrase', 1, '将第一条中的“规范”修改为“加强”']]);
    expect(show(result.text)).toEqual(edited({ 0: '第一条@1 为了加强示例管理，制定本条例。' }));
  });

  it('names every regulation a decision of several parts amends when none is the text', () => {
    const result = consolidateText(text, packaged('其他条例', '别的条例'));
    expect(result.problems.map((p) => [p.code, p.clause, p.text, p.message])).toEqual([
      ['title_mismatch', 0, '《其他条例》《别的条例》', '决定修改的是《其他条例》《别的条例》，没有《示例管理条例》'],
    ]);
    expect(result.applied).toEqual([]);
    expect(result.title).toBe('关于修改《其他条例》等二部地方性法规的决定');
    expect(show(result.text)).toEqual(BASE);
  });

  it.each([
    ['first', packaged('示例管理条例', '别的条例'), [...BASE.slice(1, 6), BASE[6]].map((l, i) => l.replace(/^第.条/, `第${'一二三四五六'[i]}条`)).map((l) => l.replace('第四条规定', '第三条规定'))],
    ['last', packaged('其他条例', '示例管理条例'), BASE.slice(0, 6)],
  ])('reads the %s of indented parts as a decision of its own', (_, decisionText, expected) => {
    const result = consolidateText(text, decisionText);
    expect(result.problems).toEqual([]);
    expect(result.preamble).toBe('（2025年1月1日通过）\n示例市人民代表大会常务委员会决定：\n对《示例管理条例》作如下修改：');
    expect(result.closing).toBe('本决定自公布之日起施行。');
    expect(result.applied.map((o) => [o.kind, o.clause])).toEqual([['deleteArticle', 1]]);
    expect(show(result.text)).toEqual(expected);
  });
});

describe('consolidateText: chapters added among the articles', () => {
  const outline = (t: ParseJson) => t.outline.map((o) => `${o.label}${o.heading}`).join(' ');
  /// BASE from index `from` on, each article numbered `shift` more, its chapter `chapterShift` more.
  const shifted = (from: number, shift: number, chapterShift: number) => BASE.slice(from).map((l) => l
    .replace(/^第(.)条@(\d)/, (_, n: string, c: string) => `第${'一二三四五六七八九十'['一二三四五六七八九十'.indexOf(n) + shift]}条@${Number(c) + chapterShift}`)
    .replace('本条例第四条', `本条例第${'一二三四五六七八九十'[3 + shift]}条`));

  it.each<[string, string[], string[], string]>([
    ['as the second, before the chapter that was second', ['增加一章，作为第二章：“第二章　登记\n第四条　甲。”'],
      [...BASE.slice(0, 3), '第四条@2 甲。', ...shifted(3, 1, 1)], '第一章总则 第二章登记 第三章管理 第四章附则'],
    ['as the first, before every article', ['增加一章，作为第一章：“第一章　通则\n第一条　甲。”'],
      ['第一条@1 甲。', ...shifted(0, 1, 1)], '第一章通则 第二章总则 第三章管理 第四章附则'],
    ['after an article in the middle of its chapter, the articles after it following the added ones', ['在第五条后增加一章，作为第三章：“第三章　法律责任\n第六条　甲。”'],
      [...BASE.slice(0, 5), '第六条@3 甲。', '第七条@3 违反本条例第四条规定的，由管理部门责令改正。', '第八条@4 本条例自2025年1月1日起施行。'], '第一章总则 第二章管理 第三章法律责任 第四章附则'],
    ['after an article that has an added article after it', ['在第六条后增加一条，作为第七条：“甲。”', '增加一章，作为第三章：“第三章　法律责任\n第八条　乙。”'],
      [...BASE.slice(0, 6), '第七条@2 甲。', '第八条@3 乙。', '第九条@4 本条例自2025年1月1日起施行。'], '第一章总则 第二章管理 第三章法律责任 第四章附则'],
    ['as the last', ['增加一章，作为第四章：“第四章　附录\n第八条　甲。”'], [...BASE, '第八条@4 甲。'], '第一章总则 第二章管理 第三章附则 第四章附录'],
    ['with an article placed by number before it', ['增加一章，作为第三章：“第三章　法律责任\n第八条　甲。”', '增加一条，作为第四条：“乙。”'],
      [...BASE.slice(0, 3), '第四条@1 乙。', ...shifted(3, 1, 0).slice(0, 3), '第八条@3 甲。', '第九条@4 本条例自2025年1月1日起施行。'], '第一章总则 第二章管理 第三章法律责任 第四章附则'],
    ['after an article, with an article placed by number after it', ['在第五条后增加一章，作为第三章：“第三章　法律责任\n第六条　甲。”', '增加一条，作为第八条：“乙。”'],
      [...BASE.slice(0, 5), '第六条@3 甲。', '第七条@3 违反本条例第四条规定的，由管理部门责令改正。', '第八条@3 乙。', '第九条@4 本条例自2025年1月1日起施行。'],
      '第一章总则 第二章管理 第三章法律责任 第四章附则'],
    ['before the last, with an article placed by number after it', ['增加一章，作为第三章：“第三章　法律责任\n第七条　甲。”', '增加一条，作为第九条：“乙。”'],
      [...BASE.slice(0, 6), '第七条@3 甲。', '第八条@4 本条例自2025年1月1日起施行。', '第九条@4 乙。'], '第一章总则 第二章管理 第三章法律责任 第四章附则'],
  ])('adds a chapter %s', (_, clauses, expected, headings) => {
    const result = consolidateText(text, decision(...clauses));
    expect(result.problems).toEqual([]);
    expect(show(result.text)).toEqual(expected);
    expect(outline(result.text)).toBe(headings);
    expect(result.text.outline.map((o) => o.eid).filter((e) => e.startsWith('chp_new'))).toEqual(['chp_new_1']);
  });
});

describe('consolidateText: a text in 编, 章 and 节', () => {
  const source = toParseJson(parseRegulation([
    '# 示例管理条例', '## 第一编 总则', '### 第一章 一般规定', '#### 第一节 甲节', '第一条 甲。', '#### 第二节 乙节', '第二条 乙。',
    '## 第二编 分则', '### 第一章 丙章', '#### 第一节 丙节', '第三条 丙。', '### 第二章 丁章', '第四条 丁。', '',
  ].join('\n\n')));
  const outline = (t: ParseJson) => t.outline.map((o) => `${o.label}${o.heading}`).join(' ');
  const articles = (t: ParseJson) => t.articles.map((a) => `${a.label}@${a.part}.${a.chapter}.${a.section ?? '-'} ${a.paragraphs[0].text}`).join(' ');
  const BEFORE = '第一编总则 第一章一般规定 第一节甲节 第二节乙节 第二编分则 第一章丙章 第一节丙节 第二章丁章';

  it('rebuilds the 编, 章 and 节 of the text', () => {
    const result = consolidateText(source, decision('将第四条中的“丁”修改为“戊”。'));
    expect(outline(result.text)).toBe(BEFORE);
    expect(articles(result.text)).toBe('第一条@1.1.1 甲。 第二条@1.1.2 乙。 第三条@2.1.1 丙。 第四条@2.2.- 戊。');
  });

  it.each([
    ['将第二编第一章的章名修改为“戊”。', BEFORE.replace('丙章', '戊')],
    ['将第一编第一章的章名修改为“戊”。', BEFORE.replace('一般规定', '戊')],
    ['将第二编的编名修改为“戊”。', BEFORE.replace('分则', '戊')],
    ['将第二编第一章第一节的节名修改为“戊”。', BEFORE.replace('丙节', '戊')],
    ['将第一章第二节的节名修改为“戊”。', BEFORE.replace('乙节', '戊')],
  ])('applies %s to the heading it names', (clause, expected) => {
    const result = consolidateText(source, decision(clause));
    expect(result.problems).toEqual([]);
    expect(outline(result.text)).toBe(expected);
  });

  it.each([
    ['将第一章的章名修改为“戊”。', 'heading_ambiguous', '有多个同号的标题，须写明所在的编（章）'],
    ['将第一节的节名修改为“戊”。', 'heading_ambiguous', '有多个同号的标题，须写明所在的编（章）'],
    ['删去第一章。', 'heading_ambiguous', '有多个同号的标题，须写明所在的编（章）'],
    ['将第三编的编名修改为“戊”。', 'heading_not_found', '没有这一标题'],
    ['增加一章，作为第三章：“第三章　戊\n第五条　己。”', 'heading_not_found', '有编的文本不能这样增加章'],
  ])('reports %s', (clause, code, message) => {
    const result = consolidateText(source, decision(clause));
    expect(result.problems.map((p) => [p.code, p.clause, p.message])).toEqual([[code, 1, message]]);
    expect(outline(result.text)).toBe(BEFORE);
  });

  it('deletes a chapter of a 编 with its articles', () => {
    const result = consolidateText(source, decision('删去第二编第二章。'));
    expect(result.problems).toEqual([]);
    expect(outline(result.text)).toBe('第一编总则 第一章一般规定 第一节甲节 第二节乙节 第二编分则 第一章丙章 第一节丙节');
    expect(articles(result.text)).toBe('第一条@1.1.1 甲。 第二条@1.1.2 乙。 第三条@2.1.1 丙。');
  });
});

describe('consolidateText: 第X条之Y', () => {
  const source = toParseJson(parseRegulation('# 示例管理条例\n\n第一条 甲。\n\n第二条 乙。\n\n第二条之一 丙。\n\n第三条 丁：\n\n（一）依照本条例第四条；\n\n（二）戊：\n\n1.依照本条例第四条第一款；\n\n2.己。\n\n第四条 庚。\n'));
  const lines = (t: ParseJson) => t.articles.map((a) => `${a.label} ${articleText(a).split('\n').join('/')}`);
  const ARTICLE_3 = '第三条 丁：/（一）依照本条例第四条；/（二）戊：/  1.依照本条例第四条第一款；/  2.己。';

  it.each<[string, string[], string[]]>([
    ['after the 之一 the text has', ['增加一条，作为第二条之二：“戊。”'], ['第一条 甲。', '第二条 乙。', '第二条之一 丙。', '第二条之二 戊。', ARTICLE_3, '第四条 庚。']],
    ['after an article of its own when another has a 之一', ['增加一条，作为第三条之一：“戊。”'], ['第一条 甲。', '第二条 乙。', '第二条之一 丙。', ARTICLE_3, '第三条之一 戊。', '第四条 庚。']],
    ['之一 and 之二 in turn', ['增加一条，作为第三条之一：“子。”', '增加一条，作为第三条之二：“丑。”'],
      ['第一条 甲。', '第二条 乙。', '第二条之一 丙。', ARTICLE_3, '第三条之一 子。', '第三条之二 丑。', '第四条 庚。']],
    ['before an article added after the same one', ['在第三条后增加一条，作为第四条：“子。”', '增加一条，作为第三条之一：“丑。”'],
      ['第一条 甲。', '第二条 乙。', '第二条之一 丙。', ARTICLE_3.replaceAll('第四条', '第五条'), '第三条之一 丑。', '第四条 子。', '第五条 庚。']],
    ['之一 and 之二 before an article added after the same one', ['在第三条后增加一条，作为第四条：“子。”', '增加一条，作为第三条之一：“丑。”', '增加一条，作为第三条之二：“寅。”'],
      ['第一条 甲。', '第二条 乙。', '第二条之一 丙。', ARTICLE_3.replaceAll('第四条', '第五条'), '第三条之一 丑。', '第三条之二 寅。', '第四条 子。', '第五条 庚。']],
  ])('adds a sub-article %s', (_, clauses, expected) => {
    const result = consolidateText(source, decision(...clauses));
    expect(result.problems).toEqual([]);
    expect(lines(result.text)).toEqual(expected);
  });

  it('reports a 之三 added after a 之一 added by the decision', () => {
    const result = consolidateText(text, decision('增加一条，作为第三条之一：“甲。”', '增加一条，作为第三条之三：“乙。”'));
    expect(result.problems.map((p) => [p.code, p.clause, p.message])).toEqual([['position_out_of_range', 2, '第三条之后应增加的是第三条之二']]);
    expect(show(result.text).slice(2, 5)).toEqual([BASE[2], '第三条之一@1 甲。', BASE[3]]);
  });

  it('adds a 之一 again after its article when the chapter holding the old one was deleted', () => {
    const chaptered = toParseJson(parseRegulation('# 示例管理条例\n\n## 第一章 甲章\n\n第一条 甲。\n\n第二条 乙。\n\n## 第二章 乙章\n\n第二条之一 丙。\n\n第三条 丁。\n\n## 第三章 丙章\n\n第四条 戊。\n'));
    const result = consolidateText(chaptered, decision('删去第二章。', '增加一条，作为第二条之一：“己。”'));
    expect(result.problems).toEqual([]);
    expect(show(result.text)).toEqual(['第一条@1 甲。', '第二条@1 乙。', '第二条之一@1 己。', '第三条@2 戊。']);
  });

  it('reports a 之一 added after an article that already has one', () => {
    const result = consolidateText(source, decision('增加一条，作为第二条之一：“戊。”'));
    expect(result.problems.map((p) => [p.code, p.message])).toEqual([['position_out_of_range', '第二条之后应增加的是第二条之二']]);
  });

  it('follows the renumbering in citations of 项 and 目', () => {
    const result = consolidateText(source, decision('删去第一条。'));
    expect(result.problems).toEqual([]);
    expect(lines(result.text).slice(2)).toEqual(['第二条 丁：/（一）依照本条例第三条；/（二）戊：/  1.依照本条例第三条第一款；/  2.己。', '第三条 庚。']);
  });
});

describe('consolidateText: citations in a 之一 article', () => {
  it('follow the renumbering as in any other article', () => {
    const source = toParseJson(parseRegulation('# 示例管理条例\n\n第一条 甲。\n\n第二条 乙。\n\n第二条之一 依照本条例第三条。\n\n第三条 丁。\n\n第四条 违反本条例第三条的，责令改正。\n'));
    const result = consolidateText(source, decision('删去第一条。'));
    expect(result.problems).toEqual([]);
    // 第三条 is now 第二条: the 之一 article (now 第一条之一) cites it under its new number too.
    expect(result.text.articles.map((a) => `${a.label} ${articleText(a)}`)).toEqual(['第一条 乙。', '第一条之一 依照本条例第二条。', '第二条 丁。', '第三条 违反本条例第二条的，责令改正。']);
  });
});

describe('consolidateText: phrases written with the labels of 项 and 目', () => {
  it.each([
    ['后', '活动', ['第一条@1 为了规范示例活动管理，制定本条例。', '第三条@1 市人民政府负责示例活动工作。']],
    ['前', '本市', ['第一条@1 为了规范本市示例管理，制定本条例。', '第三条@1 市人民政府负责本市示例工作。']],
  ])('adds words %s a phrase in several articles', (side, words, [first, third]) => {
    const result = consolidateText(text, decision(`在第一条、第三条中的“示例”${side}增加“${words}”。`));
    expect(result.problems).toEqual([]);
    expect(show(result.text)).toEqual(edited({ 0: first, 2: third }));
  });

  it('finds a phrase written with the label of a 目 of a 款', () => {
    const source = toParseJson(parseRegulation('# 示例管理条例\n\n第一条 应当：\n\n1.甲；\n\n2.乙。\n'));
    const result = consolidateText(source, decision('将第一条中的“2.乙”修改为“2.丙”。'));
    expect(result.problems).toEqual([]);
    expect(articleText(result.text.articles[0]).split('\n')).toEqual(['应当：', '1.甲；', '2.丙。']);
  });

  it.each<[string, number, string]>([
    ['将第五条中的“2.由成年人”修改为“2.由监护人”。', 4, BASE[4].replace('成年人', '监护人')],
    ['在第五条中的“2.由成年人”后增加“或者监护人”。', 4, BASE[4].replace('成年人', '成年人或者监护人')],
    ['在第四条中的“（二）组织”后增加“和监督”。', 3, BASE[3].replace('组织登记', '组织和监督登记')],
    ['在第一条中的“为了”前增加“甲”。', 0, '第一条@1 甲为了规范示例管理，制定本条例。'],
  ])('applies %s', (clause, index, expected) => {
    const result = consolidateText(text, decision(clause));
    expect(result.problems).toEqual([]);
    expect(show(result.text)).toEqual(edited({ [index]: expected }));
  });

  const nested = toParseJson(parseRegulation('# 示例管理条例\n\n第一条 应当：\n\n（一）甲：\n\n1.乙：\n\n（1）丙；\n\n（2）丁。\n\n2.戊。\n'));
  it('finds a phrase written with the label of a 目 under a 目', () => {
    const result = consolidateText(nested, decision('将第一条中的“（2）丁”修改为“（2）庚”。'));
    expect(result.problems).toEqual([]);
    expect(articleText(result.text.articles[0]).split('\n')).toEqual(['应当：', '（一）甲：', '  1.乙：', '    （1）丙；', '    （2）庚。', '  2.戊。']);
  });
});

describe('consolidateText: 节 of several 章', () => {
  const source = toParseJson(parseRegulation('# 示例管理条例\n\n## 第一章 甲章\n\n### 第一节 子节\n\n第一条 甲。\n\n## 第二章 乙章\n\n### 第一节 丑节\n\n第二条 乙。\n'));
  it('renames the 节 of the 章 the clause names', () => {
    const result = consolidateText(source, decision('将第二章第一节的节名修改为“戊”。'));
    expect(result.problems).toEqual([]);
    expect(result.text.outline.map((o) => `${o.label}${o.heading}`)).toEqual(['第一章甲章', '第一节子节', '第二章乙章', '第一节戊']);
  });
});

describe('consolidateText: chapters of texts with an article before the first chapter or with 节', () => {
  it('adds a chapter counting only the chapters before it', () => {
    const source = toParseJson(parseRegulation('# 示例管理条例\n\n第一条 甲。\n\n## 第一章 总则\n\n第二条 乙。\n\n## 第二章 附则\n\n第三条 丙。\n'));
    const result = consolidateText(source, decision('增加一章，作为第二章：“第二章　管理\n第三条　丁。”'));
    expect(result.problems).toEqual([]);
    expect(result.text.outline.map((o) => `${o.label}${o.heading}`)).toEqual(['第一章总则', '第二章管理', '第三章附则']);
    expect(show(result.text)).toEqual(['第一条@undefined 甲。', '第二条@1 乙。', '第三条@2 丁。', '第四条@3 丙。']);
  });

  it('reports a chapter added after an article in a 节', () => {
    const source = toParseJson(parseRegulation('# 示例管理条例\n\n## 第一章 甲章\n\n### 第一节 子节\n\n第一条 甲。\n\n第二条 乙。\n\n## 第二章 乙章\n\n第三条 丙。\n'));
    const result = consolidateText(source, decision('在第一条后增加一章，作为第二章：“第二章　戊\n第二条　己。”'));
    expect(result.problems.map((p) => [p.code, p.message])).toEqual([['heading_not_found', '该条不直接在章下（不在章中，或在节中），不能在其后增加一章']]);
    expect(result.applied).toEqual([]);
  });

  it('reports a chapter deleted twice', () => {
    const result = consolidateText(text, decision('删去第三章。', '删去第三章。'));
    expect(result.problems.map((p) => [p.code, p.clause, p.message])).toEqual([['heading_not_found', 2, '该章已删去']]);
    expect(show(result.text)).toEqual(BASE.slice(0, 6));
  });
});

describe('consolidateText: clauses without numbers', () => {
  const FIRST = '第一条@1 为了加强示例管理，制定本条例。';
  const SECOND = '第二条@1 本条例适用于本市的示例管理活动。';
  const replaced = { kind: 'replacePhrase', scope: { article: 1 }, phrase: '规范', replacement: '加强', sentence: '将第一条中的“规范”修改为“加强”' } as const;

  it('applies the one unnumbered amendment of a decision amending one regulation', () => {
    const result = consolidateText(text, '关于修改《示例管理条例》的决定\n对《示例管理条例》作如下修改：\n将第一条中的“规范”修改为“加强”。\n本决定自公布之日起施行。');
    expect(result.problems).toEqual([]);
    expect(result.applied).toEqual([{ ...replaced, clause: 1 }]);
    expect(result.preamble).toBe('对《示例管理条例》作如下修改：');
    expect(result.closing).toBe('本决定自公布之日起施行。');
    expect(show(result.text)).toEqual(edited({ 0: FIRST }));
  });

  /// Two parts of unnumbered amendments, the text's part written with `own` (its heading line first).
  const parts = (first: string, second: string, own: string[]) => [
    `关于修改《${first}》等二部地方性法规的决定`, '（2025年1月1日通过）', '示例市人民代表大会常务委员会决定：',
    ...(first === '示例管理条例' ? own : [`一、对《${first}》作如下修改：`, '删去第一条。']),
    ...(second === '示例管理条例' ? own : [`二、对《${second}》作如下修改：`, '删去第一条。']),
    '本决定自公布之日起施行。',
  ].join('\n');
  const cases: Array<[string, (n: string) => string[]]> = [
    ['on lines of their own', (n) => [`${n}、对《示例管理条例》作如下修改：`, '将第一条中的“规范”修改为“加强”。', '删去第二条第二款。']],
    ['the first on the heading line', (n) => [`${n}、对《示例管理条例》作如下修改：将第一条中的“规范”修改为“加强”。`, '删去第二条第二款。']],
  ];
  it.each(cases.flatMap(([how, own]) => [[`first part, ${how}`, parts('示例管理条例', '其他条例', own('一'))], [`last part, ${how}`, parts('其他条例', '示例管理条例', own('二'))]]))(
    'reads each unnumbered amendment of the %s as a clause', (_, decisionText) => {
      const result = consolidateText(text, decisionText);
      expect(result.problems).toEqual([]);
      expect(result.applied).toEqual([{ ...replaced, clause: 1 }, { kind: 'deleteParagraph', article: 2, paragraph: 2, clause: 2, sentence: '删去第二条第二款' }]);
      expect(result.preamble).toBe('（2025年1月1日通过）\n示例市人民代表大会常务委员会决定：\n对《示例管理条例》作如下修改：');
      expect(result.closing).toBe('本决定自公布之日起施行。');
      expect(show(result.text)).toEqual(edited({ 0: FIRST, 1: SECOND }));
    });
});

describe('consolidateText: a decision of several regulations whose clauses each name the one they amend', () => {
  const byClause = (...clauses: string[]) => [
    '关于修改《示例管理条例》等二部地方性法规的决定', '（2025年1月1日通过）', '示例市人民代表大会常务委员会决定：',
    ...clauses, '本决定自公布之日起施行。', '《示例管理条例》《其他条例》根据本决定作相应修改，重新公布。',
  ].join('\n');

  it.each([
    ['first', ['一、将《示例管理条例》第一条中的“规范”修改为“加强”。', '二、删去《其他条例》第二条第二款。'],
      [{ kind: 'replacePhrase', scope: { article: 1 }, phrase: '规范', replacement: '加强', clause: 1, sentence: '将《示例管理条例》第一条中的“规范”修改为“加强”' }],
      edited({ 0: '第一条@1 为了加强示例管理，制定本条例。' })],
    ['second', ['一、将《其他条例》第一条中的“规范”修改为“加强”。', '二、删去《示例管理条例》第二条第二款；删去第三条。'],
      [{ kind: 'deleteParagraph', article: 2, paragraph: 2, clause: 2, sentence: '删去《示例管理条例》第二条第二款' }, { kind: 'deleteArticle', article: 3, clause: 2, sentence: '删去第三条' }],
      [BASE[0], '第二条@1 本条例适用于本市的示例管理活动。', ...BASE.slice(3).map((l, i) => l.replace(/^第.条/, `第${'三四五六'[i]}条`).replace('第四条规定', '第三条规定'))]],
  ])('applies only the clauses naming the text when it is the %s named', (_, clauses, applied, expected) => {
    const result = consolidateText(text, byClause(...clauses));
    expect(result.problems).toEqual([]);
    expect(result.applied).toEqual(applied);
    expect(result.preamble).toBe('（2025年1月1日通过）\n示例市人民代表大会常务委员会决定：\n对《示例管理条例》作如下修改：');
    expect(result.closing).toBe('本决定自公布之日起施行。\n《示例管理条例》《其他条例》根据本决定作相应修改，重新公布。');
    expect(show(result.text)).toEqual(expected);
  });

  it('applies nothing when no clause names the text', () => {
    const result = consolidateText(text, byClause('一、将《其他条例》第一条中的“规范”修改为“加强”。', '二、删去《别的条例》第二条第二款。'));
    expect(result.problems).toEqual([
      { code: 'title_mismatch', clause: 0, text: '《其他条例》《别的条例》', clauseText: '', message: '决定修改的是《其他条例》《别的条例》，没有《示例管理条例》' },
    ]);
    expect(result.applied).toEqual([]);
    expect(show(result.text)).toEqual(BASE);
  });

  it('reports, and does not apply, a clause that names no regulation and one that names another, applying the one naming the text', () => {
    const result = consolidateText(text, byClause('一、将《示例管理条例》第一条中的“规范”修改为“加强”。', '二、删去《其他条例》第三条。', '三、删去第七条。'));
    expect(result.problems).toEqual([
      { code: 'title_mismatch', clause: 2, text: '删去《其他条例》第三条', clauseText: '删去《其他条例》第三条。', message: '该句修改的是《其他条例》，而决定修改的是《示例管理条例》，未适用' },
      { code: 'title_mismatch', clause: 3, text: '删去第七条', clauseText: '删去第七条。', message: '决定分别修改《示例管理条例》《其他条例》，该句没有写明修改的是哪一部，未适用' },
    ]);
    expect(result.applied).toEqual([{ kind: 'replacePhrase', scope: { article: 1 }, phrase: '规范', replacement: '加强', clause: 1, sentence: '将《示例管理条例》第一条中的“规范”修改为“加强”' }]);
    expect(show(result.text)).toEqual(edited({ 0: '第一条@1 为了加强示例管理，制定本条例。' }));
  });
});
