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

  it('reads 此外，对条文顺序作相应调整 as a note that changes nothing', () => {
    const result = consolidateText(text, `${decision('删去第七条。')}\n此外，对条文顺序作相应调整。`);
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
  ];

  it.each(problems)('reports %s and still applies the other clauses', (_, clause, code) => {
    const result = consolidateText(text, decision(clause, '将第七条中的“2025”修改为“2026”。'));
    expect(result.problems.map((p) => [p.code, p.clause])).toEqual([[code, 1]]);
    expect(result.problems[0].clauseText).toContain(result.problems[0].text);
    expect(result.applied.map((o) => o.clause)).toContain(2);
    expect(result.text.articles.at(-1)!.paragraphs[0].text).toBe('本条例自2026年1月1日起施行。');
  });

  it('reports a decision that names another regulation', () => {
    const result = consolidateText(text, '关于修改《别的条例》的决定\n对《别的条例》作如下修改：\n一、删去第七条。');
    expect(result.problems.map((p) => p.code)).toEqual(['title_mismatch']);
  });
});
