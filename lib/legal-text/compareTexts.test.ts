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
