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
  it('pairs an article once: the identical one, not also the similar one after it', () => {
    expect(alignArticles(articles('养犬人应当办理养犬登记。'), articles('养犬人应当办理养犬登记。', '养犬人应当依法办理养犬登记。'), false)).toEqual([[0, 0]]);
  });

  it('gives a text found once before and twice after to the first, leaving the second added', () => {
    expect(alignArticles(articles(closing), articles(closing, closing), false)).toEqual([[0, 0]]);
  });

  it('gives a twin already taken to no second article, and places twins from the nearest pair before', () => {
    // 甲 (old 1 → new 0) and 乙 (old 2 → new 3) are unique; the closing text is old 0 and 3, new 1 and 2.
    const before = articles(closing, '甲部分第一条。', '乙部分第一条。', closing);
    const after = articles('甲部分第一条。', closing, closing, '乙部分第一条。');
    expect(alignArticles(before, after, false)).toEqual([
      [1, 0],
      [3, 1],
      [0, 2],
      [2, 3],
    ]);
  });

  it('places a twin from the pair nearest before it, not the one paired last, when pairing by eid', () => {
    const before = [
      { eid: 'a', text: '甲。' },
      { eid: 'b', text: '乙。' },
      { eid: 'x1', text: closing },
      { eid: 'x2', text: closing },
    ];
    const after = [
      { eid: 'b', text: '乙。' },
      { eid: 'a', text: '甲。' },
      { eid: 'y', text: closing },
    ];
    // Nearest pair before new 2 is old 0 → new 1, so the twin expected at old 1: old 2 is nearest.
    expect(alignArticles(before, after, true)).toEqual([
      [1, 0],
      [0, 1],
      [2, 2],
    ]);
  });

  it('on a tie between two twins takes the earlier one', () => {
    // No pair before new 1, so the twin is expected at old 1; old 0 and old 2 are as near.
    const before = articles(closing, '养犬人应当办理登记。', closing);
    const after = articles('犬只应当接种狂犬病疫苗。', closing);
    expect(alignArticles(before, after, false)).toEqual([[0, 1]]);
  });

  it('counts a similarity of exactly 0.4 as a modification', () => {
    // Bigrams 甲乙 乙丙 and 甲乙 乙丁 丁戊: Dice 2 × 1 / 5 = 0.4.
    expect(alignArticles(articles('甲乙丙'), articles('甲乙丁戊'), false)).toEqual([[0, 0]]);
  });

  it('between equally similar candidates keeps the earliest pairing', () => {
    // 甲甲甲甲乙 is as like 甲甲甲甲丙 as 甲甲甲甲丁 (0.75).
    expect(alignArticles(articles('甲甲甲甲乙'), articles('甲甲甲甲丙', '甲甲甲甲丁'), false)).toEqual([[0, 0]]);
    // Old 0 ~ new 1 and old 1 ~ new 0 (0.75 each), crossing: the first old article is kept.
    expect(alignArticles(articles('甲甲甲甲乙', '丁丁丁丁乙'), articles('丁丁丁丁丙', '甲甲甲甲丙'), false)).toEqual([[0, 1]]);
  });

  it('places the twins of a deleted part from the unique article after them, even when the twin comes first in the new text', () => {
    // Three parts each end with the closing article; part 乙 is deleted. The closing text first
    // appears (new 1) before 丙's unique first article (new 2), yet 丙's closing (new 3) must be
    // placed from 丙's first article (old 4 → new 2), so it is old 5, not 乙's closing, old 3.
    const before = articles('甲部分：养犬人应当为犬只办理养犬登记。', closing, '乙部分：携犬出户时，应当为犬只束犬链。', closing, '丙部分：犬只应当接种狂犬病疫苗。', closing);
    const after = articles('甲部分：养犬人应当为犬只办理养犬登记。', closing, '丙部分：犬只应当接种狂犬病疫苗。', closing);
    expect(alignArticles(before, after, false)).toEqual([
      [0, 0],
      [1, 1],
      [4, 2],
      [5, 3],
    ]);
  });

  it('places twins before guessing where a text found once before and twice after goes', () => {
    // The penalty article, once in part 丙, is copied to the end of part 乙 as well. Its one old
    // article goes to the first copy (new 3), a guess; the closing articles are placed from the
    // unique articles, so 乙's closing (new 4) is old 3 and 丙's (new 7) old 6, not crossed.
    const penalty = '违反本条例规定的，由公安机关责令改正，处五百元以下罚款。';
    const before = articles('甲部分：养犬人应当为犬只办理养犬登记。', closing, '乙部分：携犬出户时，应当为犬只束犬链。', closing, '丙部分：犬只应当接种狂犬病疫苗。', penalty, closing);
    const after = articles('甲部分：养犬人应当为犬只办理养犬登记。', closing, '乙部分：携犬出户时，应当为犬只束犬链。', penalty, closing, '丙部分：犬只应当接种狂犬病疫苗。', penalty, closing);
    expect(alignArticles(before, after, false)).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
      [5, 3],
      [3, 4],
      [4, 5],
      [6, 7],
    ]);
  });
});
