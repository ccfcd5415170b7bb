import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareTexts } from './compareTexts';
import { parseRegulation } from './parse';
import { toParseJson, type ParseJson } from './toParseJson';

const corpusDir = path.resolve(process.cwd(), 'testdata/corpus');
const manifest = JSON.parse(readFileSync(path.join(corpusDir, 'manifest.json'), 'utf8')) as {
  revisions: { dir: string; split: string; diff_summary: { articles_old: number; articles_new: number; old_texts_found_verbatim_in_new: number; new_texts_not_in_old: number } }[];
};
const load = (file: string): ParseJson => toParseJson(parseRegulation(readFileSync(path.join(corpusDir, file), 'utf8')));

describe('compareTexts', () => {
  const devPairs = manifest.revisions.filter((r) => r.split === 'dev');

  it.each(devPairs.map((r) => [r.dir, r] as const))('agrees with the manifest diff_summary for %s', (_, pair) => {
    const { summary, articles } = compareTexts(load(`${pair.dir}/old.md`), load(`${pair.dir}/new.md`));
    const s = pair.diff_summary;
    expect(summary.unchanged + summary.renumbered).toBe(s.old_texts_found_verbatim_in_new);
    expect(summary.modified + summary.added).toBe(s.new_texts_not_in_old);
    expect(summary.unchanged + summary.renumbered + summary.modified + summary.deleted).toBe(s.articles_old);
    expect(articles.filter((a) => a.new !== null)).toHaveLength(s.articles_new);
  });

  it('pairs the 修正 of 北京市审计条例 with the true predecessors (checked by hand)', () => {
    const { articles } = compareTexts(load('revisions/dev-03-bj-audit/old.md'), load('revisions/dev-03-bj-audit/new.md'));
    const pairs = articles.filter((a) => a.change === 'modified').map((a) => [a.old, a.new]);
    // Old 14 (信息化建设) split: its second 款 is new 11's first; old 25 (审计结果报告) is new 19.
    expect(pairs).toEqual(expect.arrayContaining([[2, 2], [4, 4], [11, 10], [14, 11], [20, 17], [25, 19], [27, 21], [39, 33], [41, 35]]));
    expect(articles.find((a) => a.old === 44)).toMatchObject({ change: 'renumbered', new: 37 });
  });

  it('reports modifications as Chinese words, not single characters', () => {
    const { articles } = compareTexts(load('revisions/dev-03-bj-audit/old.md'), load('revisions/dev-03-bj-audit/new.md'));
    const art42 = articles.find((a) => a.old === 42)!;
    expect(art42.change).toBe('modified');
    expect(art42.tokens).toContainEqual({ op: 'delete', text: '行政' });
    expect(art42.similarity).toBeGreaterThan(0.9);
    const rebuiltOld = art42.tokens!.filter((t) => t.op !== 'insert').map((t) => t.text).join('');
    const rebuiltNew = art42.tokens!.filter((t) => t.op !== 'delete').map((t) => t.text).join('');
    expect([rebuiltOld, rebuiltNew]).toEqual([art42.before!.text, art42.after!.text]);
  });

  it('finds no changes when a text is compared with itself', () => {
    const text = load('dev/reg-078-zhoushan.md');
    const { summary } = compareTexts(text, text, { alignment: 'eid' });
    expect(summary).toEqual({ unchanged: text.articles.length, renumbered: 0, modified: 0, added: 0, deleted: 0, moved: 0 });
  });

  it('answers unrelated texts with plain additions and deletions', () => {
    const dogs = load('dev/reg-078-zhoushan.md');
    const aid = load('dev/reg-068-hangzhou.md');
    const { summary } = compareTexts(dogs, aid);
    expect(summary.unchanged + summary.renumbered).toBe(0);
    expect(summary.deleted + summary.modified).toBe(dogs.articles.length);
    expect(summary.added + summary.modified).toBe(aid.articles.length);
    expect(summary.modified).toBeLessThan(3);
  });

  it('pairs by eid when the texts share lineage, and marks an article moved to another chapter', () => {
    const before = load('dev/reg-078-zhoushan.md');
    const after: ParseJson = structuredClone(before);
    // Rewrite 第十二条 beyond recognition (still the same article by eid) and move 第三条 into 第二章.
    after.articles[11].paragraphs = [{ eid: 'x', text: '全新的内容。', items: [], subitems: [] }];
    after.articles[2].chapter = 2;
    const byEid = compareTexts(before, after, { alignment: 'eid' });
    expect(byEid.articles.find((a) => a.old === 12)).toMatchObject({ change: 'modified', new: 12 });
    expect(byEid.articles.find((a) => a.old === 3)?.moved).toEqual({ from: '第一章　总则', to: expect.stringMatching(/^第二章/) });
    expect(byEid.summary.moved).toBe(1);
    const byContent = compareTexts(before, after);
    expect(byContent.summary).toMatchObject({ modified: 0, added: 1, deleted: 1 });
  });
});

/// A text from its lines, separated by blank lines.
const textOf = (...lines: string[]): ParseJson =>
  toParseJson(parseRegulation(`# 某市养犬管理条例\n\n<!-- INFO END -->\n\n${lines.join('\n\n')}\n`));

describe('compareTexts on small texts worked by hand', () => {
  const parts = [
    '第一编　总则', '第一章　一般规定', '第一条 为了规范养犬行为，制定本条例。',
    '第二编　分则', '第一章　登记', '第一节　申请', '第二条 养犬人应当申请养犬登记。',
    '第二节　审核', '第三条 公安机关应当审核养犬登记申请。',
    '第二章　处罚', '第一节　罚款', '第四条 违反本条例的，处以罚款。',
  ];

  it('tells chapters of different parts and sections of different chapters apart', () => {
    const text = textOf(...parts);
    expect(compareTexts(text, text).headings).toEqual([]);
  });

  it('reports a renamed section with its chapter, though another kind of heading was added', () => {
    const after = textOf(...parts.map((l) => (l === '第二节　审核' ? '第二节　复核' : l)), '第三编　附则', '第五条 本条例自公布之日起施行。');
    expect(compareTexts(textOf(...parts), after).headings).toEqual([
      { kind: 'section', label: '第一章第二节', before: '审核', after: '复核', firstArticle: 3 },
    ]);
  });

  it('reports an inserted article that moved from 之二 to 之一 as renumbered, after the one deleted before it', () => {
    const before = textOf('第一条 为了规范养犬行为，制定本条例。', '第一条之一 养犬人应当办理登记。', '第一条之二 犬只应当接种狂犬病疫苗。');
    const after = textOf('第一条 为了规范养犬行为，制定本条例。', '第一条之一 犬只应当接种狂犬病疫苗。');
    const { articles, summary } = compareTexts(before, after);
    expect(articles.map((a) => [a.change, a.before?.label ?? null, a.before?.sub ?? null, a.after?.label ?? null, a.after?.sub ?? null])).toEqual([
      ['unchanged', '第一条', null, '第一条', null],
      ['deleted', '第一条之一', 1, null, null],
      ['renumbered', '第一条之二', 2, '第一条之一', 1],
    ]);
    expect(summary).toEqual({ unchanged: 1, renumbered: 1, modified: 0, added: 0, deleted: 1, moved: 0 });
  });

  it('does not take a citation of 第二条 changed to the former 第二条之一 for a mere renumbering', () => {
    const before = textOf('第一条 为了规范养犬行为，制定本条例。', '第二条 养犬人应当办理登记。', '第二条之一 犬只应当接种狂犬病疫苗。', '第三条 违反本条例第二条的，责令改正。');
    const after = textOf('第一条 为了规范养犬行为，制定本条例。', '第二条 养犬人应当办理登记。', '第三条 犬只应当接种狂犬病疫苗。', '第四条 违反本条例第三条的，责令改正。');
    const last = compareTexts(before, after).articles.at(-1)!;
    expect([last.change, last.old, last.new, last.referencesOnly]).toEqual(['modified', 3, 4, undefined]);
  });

  it('marks as moved only the article that left where most of its chapter went, naming chapter and section', () => {
    const a = '第一条 为了规范养犬行为，制定本条例。';
    const b = '养犬人应当办理登记。';
    const c = '犬只应当接种狂犬病疫苗。';
    const d = '公安机关负责养犬登记。';
    const before = textOf('第一章　总则', `第一条 ${d}`, '第二章　管理', '第一节　登记', a.replace('第一条', '第二条'), `第三条 ${b}`, `第四条 ${c}`);
    const after = textOf('第一章　总则', a, `第二条 ${d}`, '第二章　管理', '第一节　登记', `第三条 ${b}`, `第四条 ${c}`);
    const { articles, summary } = compareTexts(before, after);
    expect(articles.filter((r) => r.moved).map((r) => [r.old, r.new, r.moved])).toEqual([
      [2, 1, { from: '第二章　管理 第一节　登记', to: '第一章　总则' }],
    ]);
    expect(summary).toEqual({ unchanged: 2, renumbered: 2, modified: 0, added: 0, deleted: 0, moved: 1 });
  });
});
