import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { compareTexts } from './compareTexts';
import { consolidateText } from './consolidateText';
import { draftAmendmentDecision } from './draftAmendmentDecision';
import { articleLabel } from './labels';
import { CHINESE_NUMERAL_CHARS } from './numerals';
import { parseRegulation } from './parse';
import { renderDecisionText } from './renderDecisionText';
import { renumberReferences } from './renumberReferences';
import { toParseJson, type ArticleJson, type ParseJson } from './toParseJson';

const RUNS = { seed: 0x21_0304_04, numRuns: 300 };

/// Dev texts of three shapes: chapters and many items (舟山, 52 articles), no chapters (漯河,
/// 14), and sub-items 1. （1） (深圳, 60).
const FILES = ['reg-078-zhoushan.md', 'reg-044-luohe.md', 'reg-032-shenzhen.md'];
const texts = new Map(
  FILES.map((f) => [f, toParseJson(parseRegulation(readFileSync(path.resolve(process.cwd(), 'testdata/corpus/dev', f), 'utf8')))]),
);

/// Words put into a sentence, and sentences for new articles and rewritten 款: topics none of the
/// texts touches, so that a new article is never mistaken for an old one reworded.
const PHRASES = ['并向社会公布', '（含临时性）', '“数字化”', '依照有关规定', '、冰雪运动场地', '及时'];
const SENTENCES = [
  '海洋牧场建设应当符合航道安全要求。',
  '冰雪运动场馆的运营单位应当配备救护设施。',
  '鼓励航空航天科普基地向青少年免费开放。',
  '数据跨境流动试点按照国家统一部署开展。',
  '乡村振兴驿站可以提供快递收寄服务；具体办法另行制定。',
];
/// Characters a deleted span may not touch: a citation (第十三条) cut in two could read as
/// another citation, and the change would then be one of numbering, not of words.
const KEEP = new Set(Array.from(`${CHINESE_NUMERAL_CHARS}第条款项`));

type Change =
  | { kind: 'insert'; target: number; at: number; phrase: string }
  | { kind: 'delete'; target: number; at: number; length: number }
  | { kind: 'rewrite'; target: number; sentence: string };
type Action = { kind: 'change'; change: Change } | { kind: 'delete' };
interface Edits {
  file: string;
  /// Old article index → what happens to it (each article at most once).
  actions: { index: number; action: Action }[];
  /// New articles, each after the old article at `after` (in the order given).
  inserts: { after: number; sentence: string }[];
}

const change: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), target: fc.nat(), at: fc.nat(), phrase: fc.constantFrom(...PHRASES) }),
  fc.record({ kind: fc.constant('delete' as const), target: fc.nat(), at: fc.nat(), length: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant('rewrite' as const), target: fc.nat(), sentence: fc.constantFrom(...SENTENCES) }),
);

const edits: fc.Arbitrary<Edits> = fc.constantFrom(...FILES).chain((file) => {
  const n = texts.get(file)!.articles.length;
  const action: fc.Arbitrary<Action> = fc.oneof(
    { weight: 3, arbitrary: change.map((c) => ({ kind: 'change' as const, change: c })) },
    { weight: 1, arbitrary: fc.constant({ kind: 'delete' as const }) },
  );
  return fc.record({
    file: fc.constant(file),
    actions: fc.uniqueArray(fc.record({ index: fc.nat(n - 1), action }), { maxLength: 6, selector: (a) => a.index }),
    inserts: fc.array(fc.record({ after: fc.nat(n - 1), sentence: fc.constantFrom(...SENTENCES) }), { maxLength: 3 }),
  }).filter((e) => e.actions.length + e.inserts.length > 0);
});

/// The 款, 项 and 目 texts of an article that an edit may change, as setters.
function editableTexts(article: ArticleJson): { get: () => string; set: (t: string) => void }[] {
  return article.paragraphs.flatMap((p) => [
    { get: () => p.text, set: (t: string) => (p.text = t) },
    ...p.items.map((i) => ({ get: () => i.text, set: (t: string) => (i.text = t) })),
  ]).filter((t) => t.get().length > 1);
}

function applyChange(article: ArticleJson, c: Change): void {
  const targets = editableTexts(article);
  const target = targets[c.target % targets.length];
  const text = target.get();
  if (c.kind === 'rewrite') target.set(c.sentence);
  else if (c.kind === 'insert') {
    const at = c.at % (text.length + 1);
    target.set(text.slice(0, at) + c.phrase + text.slice(at));
  } else {
    // A span of at most `length` characters, none of them part of a citation, never all the text.
    let start = c.at % text.length;
    while (start < text.length && KEEP.has(text[start])) start++;
    let end = start;
    while (end < text.length && end - start < Math.min(c.length, text.length - 1) && !KEEP.has(text[end])) end++;
    if (end > start) target.set(text.slice(0, start) + text.slice(end));
    else target.set(`${text}${PHRASES[0]}`);
  }
}

/// Applies the edits as the editor would: articles keep their eids, new ones get fresh eids,
/// numbers and labels follow position, and citations of renumbered articles in the text follow
/// them (依照本条例第十三条 → 第十二条). Returns the new text and what was edited: old labels of
/// changed and deleted articles, new labels of added ones.
function applyEdits(old: ParseJson, e: Edits): { text: ParseJson; changed: string[]; deleted: string[]; added: string[] } {
  const text: ParseJson = structuredClone(old);
  const byIndex = new Map(e.actions.map((a) => [a.index, a.action]));
  const result: ArticleJson[] = [];
  const added = new Set<ArticleJson>();
  const changed: string[] = [];
  const deleted: string[] = [];
  text.articles.forEach((article, i) => {
    const action = byIndex.get(i);
    if (action?.kind === 'delete') deleted.push(article.label);
    else {
      if (action?.kind === 'change') {
        const before = JSON.stringify(article.paragraphs);
        applyChange(article, action.change);
        if (JSON.stringify(article.paragraphs) !== before) changed.push(article.label);
      }
      result.push(article);
    }
    e.inserts.forEach((ins, k) => {
      if (ins.after !== i) return;
      const eid = `art_ins_${k + 1}`;
      const fresh: ArticleJson = { ...structuredClone(article), eid, paragraphs: [{ eid: `${eid}__para_1`, text: ins.sentence, items: [], subitems: [] }] };
      added.add(fresh);
      result.push(fresh);
    });
  });
  const numbers = new Map<number, number>();
  result.forEach((a, i) => {
    if (!added.has(a) && a.number !== i + 1) numbers.set(a.number, i + 1);
    delete a.sub;
    Object.assign(a, { number: i + 1, label: articleLabel(i + 1) });
  });
  const follow = (t: string) => renumberReferences(t, numbers);
  for (const a of result) {
    for (const p of a.paragraphs) {
      p.text = follow(p.text);
      for (const it of p.items) it.text = follow(it.text);
    }
  }
  text.articles = result;
  return { text, changed, deleted, added: result.filter((a) => added.has(a)).map((a) => a.label) };
}

const NUMERAL = `[${CHINESE_NUMERAL_CHARS}]+`;
const DELETED = new RegExp(`^删去(第${NUMERAL}条)。$`);
const ADDED = new RegExp(`^增加一条，作为(第${NUMERAL}条)：“`);
const CHANGED = new RegExp(`^(?:将|在|删去)(第${NUMERAL}条)(?:第${NUMERAL}款)?(?:中的“|修改为：“)`);

/// What each clause of a decision does to which article, read from its wording (the quoted
/// texts are never read: they may cite articles themselves).
function namedArticles(clauses: string[]) {
  const named = { changed: [] as string[], deleted: [] as string[], added: [] as string[], other: [] as string[] };
  for (const clause of clauses) {
    const body = clause.replace(new RegExp(`^${NUMERAL}、`), '');
    const [, deleted] = DELETED.exec(body) ?? [];
    const [, added] = ADDED.exec(body) ?? [];
    const [, changed] = CHANGED.exec(body) ?? [];
    if (deleted) named.deleted.push(deleted);
    else if (added) named.added.push(added);
    else if (changed) named.changed.push(changed);
    else named.other.push(clause);
  }
  return named;
}

/// What a reader sees of an article: its label and every 款, 项 and 目 text with its label.
const visible = (text: ParseJson) =>
  text.articles.map((a) => ({
    label: a.label,
    paragraphs: a.paragraphs.map((p) => ({ text: p.text, items: p.items.map((i) => [i.label, i.text]), subitems: JSON.stringify(p.subitems, (k, v) => (k === 'eid' ? undefined : v)) })),
  }));

describe('the 修改决定 drafted for random edits of a dev text', () => {
  test.prop([edits], RUNS)('names exactly the edited articles: changed and deleted by old number, added by new number', (e) => {
    const old = texts.get(e.file)!;
    const { text, changed, deleted, added } = applyEdits(old, e);
    const decision = draftAmendmentDecision(compareTexts(old, text, { alignment: 'eid' }));
    // One clause per edited article, in the order of the old text, and no other clause.
    expect(namedArticles(decision.clauses)).toEqual({ changed, deleted, added, other: [] });
  });

  test.prop([edits.filter((e) => e.actions.every((a) => a.action.kind !== 'change' || a.action.change.kind !== 'rewrite'))], RUNS)(
    'names the same articles when the texts are aligned by content (small edits: an article stays recognisable)',
    (e) => {
      const old = texts.get(e.file)!;
      const { text, changed, deleted, added } = applyEdits(old, e);
      const named = namedArticles(draftAmendmentDecision(compareTexts(old, text)).clauses);
      expect(named).toEqual({ changed, deleted, added, other: [] });
    },
  );

  test.prop([edits], { ...RUNS, numRuns: 200 })('rebuilds the edited text when applied to the old one (consolidateText)', (e) => {
    const old = texts.get(e.file)!;
    const { text } = applyEdits(old, e);
    const decision = draftAmendmentDecision(compareTexts(old, text, { alignment: 'eid' }));
    const result = consolidateText(old, renderDecisionText(decision));
    expect(result.problems).toEqual([]);
    expect(visible(result.text)).toEqual(visible(text));
  });
});

const load = (text: string) => toParseJson(parseRegulation(text));

/// Bugs of draftAmendmentDecision.ts the property above found, fixed; their smallest cases.
describe('bugs the property found in the drafted 修改决定', () => {
  // The parts of one clause are applied one after another, but each phrase is checked for being
  // unique in the old article: after “第二”→“第三”, “第三” occurs twice and the next part
  // (“第三”→“第四”) is ambiguous. Happens when an edited article cites articles whose numbers
  // shift (an article inserted before them).
  test('A: a phrase clause stays unambiguous when its earlier parts are applied first', () => {
    const old = load('# 示例条例\n\n第一条 甲。\n\n第二条 乙。\n\n第三条 丙。\n\n第四条 依照本条例第二条、第三条的规定办理，并公告。');
    const text = load('# 示例条例\n\n第一条 甲。\n\n第二条 新增。\n\n第三条 乙。\n\n第四条 丙。\n\n第五条 依照本条例第三条、第四条的规定办理，并及时公告。');
    const decision = draftAmendmentDecision(compareTexts(old, text));
    // Once drafted as 二、将第四条中的“第二”修改为“第三”；将第四条中的“第三”修改为“第四”；…, ambiguous after its first part.
    const result = consolidateText(old, renderDecisionText(decision));
    expect(result.problems).toEqual([]);
    expect(visible(result.text)).toEqual(visible(text));
  });

  // A phrase next to a quoted term is quoted with the term's quotation marks cut in half
  // (在第一条中的“犬””后增加“、“斗鸡””), which no reader can take apart; statutes write the
  // inner marks as ‘’ or quote whole words.
  test('B: a phrase clause quotes a phrase next to a quoted term so that it can be read back', () => {
    const old = load('# 示例条例\n\n第一条 单位和个人不得组织、参与“斗犬”等活动。');
    const text = load('# 示例条例\n\n第一条 单位和个人不得组织、参与“斗犬”、“斗鸡”等活动。');
    const result = consolidateText(old, renderDecisionText(draftAmendmentDecision(compareTexts(old, text))));
    expect(result.problems).toEqual([]);
    expect(visible(result.text)).toEqual(visible(text));
  });
});
