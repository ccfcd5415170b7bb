import { describe, expect, it } from 'vitest';
import { alignArticles } from './alignArticles';

const articles = (...texts: string[]) => texts.map((text, i) => ({ eid: `art_${i + 1}`, text }));
const closing = '本条例自2021年12月1日起施行。';

describe('alignArticles', () => {
  it('pairs a text that occurs twice by its place, not with the first twin that comes', () => {
    // Two parts each end with the same sentence; the first part's closing article is deleted.
    const before = articles('甲部分第一条。', closing, '乙部分第一条。', '乙部分第二条。', closing);
    const after = articles('甲部分第一条。', '乙部分第一条。', '乙部分第二条。', closing);
    expect(alignArticles(before, after, false)).toEqual([
      [0, 0],
      [2, 1],
      [3, 2],
      [4, 3],
    ]);
  });

  it('pairs a text found three times with the twin where the pairs before it put it, and one before any pair by its own place', () => {
    // 甲 乙 are unique; 丙 occurs three times before and once after, right after 乙 (old 2 → new 1).
    const before = articles('甲。', '丙。', '乙。', '丙。', '丁。', '丙。', '戊。');
    const after = articles('甲。', '乙。', '丙。', '丁。', '戊。');
    expect(alignArticles(before, after, false)).toEqual([
      [0, 0],
      [2, 1],
      [3, 2],
      [4, 3],
      [6, 4],
    ]);
    // Nothing before it: the repeated text keeps its own index.
    expect(alignArticles(articles('丙。', '甲。', '丙。'), articles('丙。', '甲。'), false)).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });

  it('pairs unique identical texts even when they moved, and modified articles within their gap', () => {
    const before = articles('为了规范养犬行为，制定本条例。', '养犬人应当办理养犬登记。', '本条例适用于本市行政区域。', '违反本条例的，由公安机关处罚。');
    const after = articles('本条例适用于本市行政区域。', '为了规范养犬行为，制定本条例。', '养犬人应当依法办理养犬登记。', '违反本条例的，由公安机关处罚。');
    expect(alignArticles(before, after, false)).toEqual([
      [2, 0],
      [0, 1],
      [1, 2],
      [3, 3],
    ]);
  });

  it('pairs by eid first when asked, whatever the texts', () => {
    const before = articles('一。', '二。');
    const after = [
      { eid: 'art_2', text: '一。' },
      { eid: 'art_1', text: '三。' },
    ];
    expect(alignArticles(before, after, true)).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });
});
