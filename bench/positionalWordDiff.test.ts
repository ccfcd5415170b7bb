import { describe, expect, it } from 'vitest';
import { articleLabel, compareTexts, type ArticleJson, type ComparableText } from '@/lib/legal-text';
import { checkChangesFound, compareChanges } from './checks';
import { plantChanges, syntheticText } from './diff';
import { positionalWordDiff } from './positionalWordDiff';

function text(bodies: string[]): ComparableText {
  const articles: ArticleJson[] = bodies.map((body, i) => ({
    number: i + 1,
    label: articleLabel(i + 1),
    eid: `art_${i + 1}`,
    paragraphs: [{ eid: `art_${i + 1}__para_1`, text: body, items: [], subitems: [] }],
  }));
  return { title: '某市条例', outline: [], articles };
}

const bodies = ['为了规范物业管理活动，制定本条例。', '本条例适用于本市行政区域内的物业管理活动。', '市住房城乡建设部门负责物业管理活动的监督管理。', '本条例自公布之日起施行。'];

describe('positionalWordDiff', () => {
  it('reports nothing for identical texts and a change in place on its article', () => {
    expect(positionalWordDiff(text(bodies), text(bodies))).toEqual([]);
    const after = [...bodies];
    after[2] = '市住房城乡建设主管部门负责物业管理活动的监督管理工作。';
    expect(positionalWordDiff(text(bodies), text(after))).toEqual([{ change: 'modified', old: '第三条', new: '第三条' }]);
  });

  it('puts an inserted article on the wrong articles: every later pair differs and the last is taken as added', () => {
    const after = ['业主享有下列权利。', ...bodies];
    expect(positionalWordDiff(text(bodies), text(after))).toEqual([
      { change: 'modified', old: '第一条', new: '第一条' },
      { change: 'modified', old: '第二条', new: '第二条' },
      { change: 'modified', old: '第三条', new: '第三条' },
      { change: 'modified', old: '第四条', new: '第四条' },
      { change: 'added', old: null, new: '第五条' },
    ]);
  });

  it('reports articles past the end of the new text as deleted', () => {
    expect(positionalWordDiff(text(bodies), text(bodies.slice(0, 3)))).toEqual([{ change: 'deleted', old: '第四条', new: null }]);
  });
});

describe('plantChanges', () => {
  // The first 100 articles of the dev corpus: 5 changes, one cycle of added, 3 × reworded, deleted.
  const before = syntheticText(100);
  const { text: after, planted } = plantChanges(before, 0.05);

  it('plants one article added, three reworded and one deleted per five changes, named by label', () => {
    expect(planted).toEqual([
      { change: 'added', old: null, new: '第二十一条' },
      { change: 'modified', old: '第四十条', new: '第四十一条' },
      { change: 'modified', old: '第六十条', new: '第六十一条' },
      { change: 'modified', old: '第八十条', new: '第八十一条' },
      { change: 'deleted', old: '第一百条', new: null },
    ]);
    expect(after.articles).toHaveLength(100);
  });

  it('plants changes the comparison finds exactly, by content and by eid', () => {
    for (const alignment of ['content', 'eid'] as const) {
      const found = compareTexts(before, after, { alignment }).articles.flatMap((row) =>
        row.change === 'modified' || row.change === 'added' || row.change === 'deleted' ? [{ change: row.change, old: row.before?.label ?? null, new: row.after?.label ?? null }] : [],
      );
      expect(checkChangesFound(alignment, planted, found)).toBeNull();
    }
  });

  it('plants changes the positional word diff misattributes, every one of them', () => {
    const { missing, extra } = compareChanges(planted, positionalWordDiff(before, after));
    expect(missing).toHaveLength(5);
    // Old articles 21–100 are each set beside the article one place up.
    expect(extra).toHaveLength(80);
  });
});
