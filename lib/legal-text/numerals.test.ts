import { describe, expect, it } from 'vitest';
import {
  articleLabel, chapterLabel, itemLabel, paragraphLabel, parseArticleLabel, partLabel, sectionLabel, subitemLabel,
} from './labels';
import { fromChineseNumeral, MAX_CHINESE_NUMERAL, toChineseCount, toChineseNumeral } from './numerals';

describe('toChineseNumeral', () => {
  it.each([
    [1, '一'], [10, '十'], [11, '十一'], [20, '二十'], [21, '二十一'], [99, '九十九'], [100, '一百'],
    [101, '一百零一'], [110, '一百一十'], [111, '一百一十一'], [305, '三百零五'], [1000, '一千'],
    [1005, '一千零五'], [1010, '一千零一十'], [1100, '一千一百'], [2020, '二千零二十'], [9999, '九千九百九十九'],
  ])('writes %i as %s', (n, s) => {
    expect(toChineseNumeral(n)).toBe(s);
  });

  it.each([
    [10000, '一万'], [10001, '一万零一'], [10010, '一万零一十'], [12345, '一万二千三百四十五'], [100000, '十万'],
    [110000, '十一万'], [20000000, '二千万'],
  ])('goes on past 9999 for generated texts: %i as %s', (n, s) => {
    expect(toChineseNumeral(n)).toBe(s);
    expect(fromChineseNumeral(s)).toBe(n);
  });

  it('refuses numbers that are not positive integers below 10^8, naming the number and the range', () => {
    for (const n of [0, -1, 100_000_000, 1.5, Number.NaN]) expect(() => toChineseNumeral(n)).toThrow(RangeError);
    expect(() => toChineseNumeral(100_000_000)).toThrow('toChineseNumeral: 100000000 is outside 1–99999999');
  });

  it('writes the largest number it allows', () => {
    expect(toChineseNumeral(MAX_CHINESE_NUMERAL)).toBe('九千九百九十九万九千九百九十九');
    expect(fromChineseNumeral(toChineseNumeral(MAX_CHINESE_NUMERAL))).toBe(MAX_CHINESE_NUMERAL);
  });
});

describe('toChineseCount', () => {
  it('writes two as 两 and every other count as the numeral', () => {
    expect([1, 2, 3, 10, 12, 20, 22, 102].map(toChineseCount)).toStrictEqual(['一', '两', '三', '十', '十二', '二十', '二十二', '一百零二']);
  });

  it('refuses what toChineseNumeral refuses', () => {
    expect(() => toChineseCount(0)).toThrow(RangeError);
  });
});

describe('fromChineseNumeral', () => {
  it('reads back every number from 1 to 9999', () => {
    const wrong: number[] = [];
    for (let n = 1; n <= 9999; n++) if (fromChineseNumeral(toChineseNumeral(n)) !== n) wrong.push(n);
    expect(wrong).toEqual([]);
  });

  it.each([
    ['一十', 10], ['一十二', 12], ['两百', 200], ['二〇二〇', 2020], ['一〇五', 105], ['一千〇五', 1005],
    ['一百十', 110], ['两千零二十', 2020],
  ])('accepts the variant %s as %i', (s, n) => {
    expect(fromChineseNumeral(s)).toBe(n);
  });

  it.each(['', '零', '百', '千', '十百', '一二三四五', '万', '一万万', 'abc', '第一'])('rejects %j', (s) => {
    expect(fromChineseNumeral(s)).toBeNull();
  });
});

describe('labels', () => {
  it('derives the labels of every level from numbers', () => {
    expect(articleLabel(12)).toBe('第十二条');
    expect(articleLabel(101)).toBe('第一百零一条');
    expect(articleLabel(10, 1)).toBe('第十条之一');
    expect(partLabel(2)).toBe('第二编');
    expect(chapterLabel(10)).toBe('第十章');
    expect(sectionLabel(3)).toBe('第三节');
    expect(paragraphLabel(2)).toBe('第二款');
    expect(itemLabel(3)).toBe('（三）');
    expect(itemLabel(11)).toBe('（十一）');
    expect(subitemLabel(2)).toBe('2.');
    expect(subitemLabel(2, 'paren')).toBe('（2）');
  });
});

describe('parseArticleLabel', () => {
  it('reads article labels, including 之一 and input variants', () => {
    expect(parseArticleLabel('第十二条')).toEqual({ number: 12 });
    expect(parseArticleLabel('第一百零一条')).toEqual({ number: 101 });
    expect(parseArticleLabel('第十条之一')).toEqual({ number: 10, sub: 1 });
    expect(parseArticleLabel('第两百条之二')).toEqual({ number: 200, sub: 2 });
  });

  it('returns null for anything that is not one label', () => {
    expect(parseArticleLabel('第十二章')).toBeNull();
    expect(parseArticleLabel('第十二条第二款')).toBeNull();
    expect(parseArticleLabel('十二条')).toBeNull();
  });
});
