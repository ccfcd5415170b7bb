import { describe, expect, it } from 'vitest';
import { compareTexts } from './compareTexts';
import { countChanges } from './countChanges';
import { parseRegulation } from './parse';
import { toParseJson } from './toParseJson';
import type { TextComparison } from './comparison';

const text = (...articles: string[]) =>
  toParseJson(parseRegulation(`# 某市养犬管理条例\n\n<!-- INFO END -->\n\n${articles.map((a, i) => `第${'一二三四五'[i]}条 ${a}`).join('\n\n')}\n`));

describe('countChanges', () => {
  it('calls two equal texts identical', () => {
    const a = text('为了规范养犬行为，制定本条例。', '本条例自公布之日起施行。');
    expect(countChanges(compareTexts(a, a))).toEqual({ identical: true, amended: 0, referencesOnly: 0 });
  });

  it('counts an article whose words changed as amended', () => {
    const before = text('为了规范养犬行为，制定本条例。', '养犬人应当为犬只办理登记。');
    const after = text('为了规范养犬行为，制定本条例。', '养犬人应当为犬只办理登记和年检。');
    expect(countChanges(compareTexts(before, after))).toEqual({ identical: false, amended: 1, referencesOnly: 0 });
  });

  it('does not count a citation that only followed renumbering as an amendment', () => {
    const before = text('为了规范养犬行为，制定本条例。', '养犬人应当为犬只办理登记。', '违反本条例第二条的，责令改正。');
    const after = text('为了规范养犬行为，制定本条例。', '本条例所称犬只，是指家养犬。', '养犬人应当为犬只办理登记。', '违反本条例第三条的，责令改正。');
    const counted = countChanges(compareTexts(before, after));
    expect(counted.identical).toBe(false);
    expect(counted.referencesOnly).toBe(1);
    expect(counted.amended).toBe(0);
  });
});

describe('countChanges on summaries worked by hand', () => {
  const comparison = (counts: Partial<TextComparison['summary']>): TextComparison =>
    ({ summary: { unchanged: 3, renumbered: 0, modified: 0, added: 0, deleted: 0, moved: 0, ...counts }, articles: [] }) as unknown as TextComparison;

  it.each([
    ['one modified and one added', { modified: 1, added: 1 }],
    ['one added and one deleted', { added: 1, deleted: 1 }],
    ['one deleted and one renumbered', { deleted: 1, renumbered: 1 }],
    ['one renumbered and one moved', { renumbered: 1, moved: 1 }],
  ])('does not call texts with %s identical', (_, counts) => {
    expect(countChanges(comparison(counts)).identical).toBe(false);
  });
});
