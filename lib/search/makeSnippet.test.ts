import { describe, expect, it } from 'vitest';
import { makeSnippet } from './makeSnippet';
import { queryTerms } from './queryTerms';

describe('makeSnippet', () => {
  it('returns a short text whole, every match marked', () => {
    const { snippet, highlights } = makeSnippet('犬只应当登记。犬只应当免疫。', queryTerms('犬只'));
    expect(snippet).toBe('犬只应当登记。犬只应当免疫。');
    expect(highlights).toEqual([[0, 2], [7, 9]]);
  });

  it('cuts a long text around the first match with ellipses and shifted offsets', () => {
    const text = `${'甲'.repeat(100)}养犬人应当遵守规定${'乙'.repeat(100)}`;
    const { snippet, highlights } = makeSnippet(text, queryTerms('养犬'));
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet.length).toBe(82);
    expect(highlights).toHaveLength(1);
    const [start, end] = highlights[0];
    expect(snippet.slice(start, end)).toBe('养犬');
    expect(start).toBeGreaterThan(10);
  });

  it('marks each term of a multi-word query and merges touching ranges', () => {
    const { snippet, highlights } = makeSnippet('违反本条例规定，由公安机关责令改正，处以罚款。', queryTerms('公安 机关 罚款'));
    expect(highlights.map(([s, e]) => snippet.slice(s, e))).toEqual(['公安机关', '罚款']);
  });

  it('shows line breaks as spaces and matches latin case-insensitively', () => {
    const { snippet, highlights } = makeSnippet('第一款\nPM2.5浓度', queryTerms('pm2'));
    expect(snippet).toBe('第一款 PM2.5浓度');
    expect(highlights).toEqual([[4, 7]]);
  });

  it('does not split a character outside the basic plane', () => {
    const text = `${'𠮷'.repeat(60)}犬${'𠮷'.repeat(60)}`;
    const { snippet } = makeSnippet(text, queryTerms('犬'));
    expect(snippet.replace(/…/g, '')).toMatch(/^(?:[\ud800-\udbff][\udc00-\udfff]|犬)+$/);
  });

  it('puts the ranges in text order whatever the order of the terms, and merges one inside another', () => {
    const text = '违反本条例规定，由公安机关责令改正，处以罚款。';
    expect(makeSnippet(text, queryTerms('罚款 公安')).highlights).toEqual([[9, 11], [20, 22]]);
    // 机 lies inside 公安机关: one mark over the whole term, not 机关 alone.
    expect(makeSnippet('公安机关', queryTerms('机 公安机关')).highlights).toEqual([[0, 4]]);
  });

  it('starts the extract at the first match in the text, not of the first term', () => {
    const text = `${'甲'.repeat(50)}公安${'乙'.repeat(50)}罚款${'丙'.repeat(100)}`;
    const { snippet, highlights } = makeSnippet(text, queryTerms('罚款 公安'), 40);
    // 公安 at 50, ten characters (40 / 4) before it: the text from 40 to 80.
    expect(snippet).toBe(`…${'甲'.repeat(10)}公安${'乙'.repeat(28)}…`);
    expect(highlights).toEqual([[11, 13]]);
  });

  it('shows the beginning of the text when no term occurs in it', () => {
    expect(makeSnippet('甲'.repeat(100), queryTerms('犬只'))).toEqual({ snippet: `${'甲'.repeat(80)}…`, highlights: [] });
  });

  it('ends at the end of the text when the match is near it, and moves the start back to fill the width', () => {
    const text = `${'甲'.repeat(100)}养犬${'乙'.repeat(3)}`;
    const { snippet, highlights } = makeSnippet(text, queryTerms('养犬'));
    // Twenty characters before 养犬 would end the text 65 characters in: it starts at 105 - 80 = 25.
    expect(snippet).toBe(`…${'甲'.repeat(75)}养犬乙乙乙`);
    expect(highlights).toEqual([[76, 78]]);
  });

  describe('at the right edge', () => {
    // Thirty different characters, so that each term below occurs once. With width 8 a match at 2
    // gives the extract 0…8.
    const text = '一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉';
    const term = (from: number, to: number) => text.slice(from, to);

    it('leaves out a match that starts at the edge', () => {
      expect(makeSnippet(text, queryTerms(`三 ${term(8, 10)}`), 8)).toEqual({ snippet: '一二三四五六七八…', highlights: [[2, 3]] });
    });

    it('runs on to the end of a match cut by up to 12 characters, and cuts one that runs on further', () => {
      expect(makeSnippet(text, queryTerms(term(2, 20)), 8)).toEqual({ snippet: `${text.slice(0, 20)}…`, highlights: [[2, 20]] });
      expect(makeSnippet(text, queryTerms(term(2, 21)), 8)).toEqual({ snippet: '一二三四五六七八…', highlights: [[2, 8]] });
    });

    it('runs on through a longer match that a shorter one at the same start brought within reach', () => {
      // The 10-character term takes the edge from 8 to 12; from there the 20-character one, 10 further,
      // is within reach, though from 8 it was not. The order of the terms in the query does not matter.
      for (const q of [`${term(2, 22)} ${term(2, 12)}`, `${term(2, 12)} ${term(2, 22)}`]) {
        expect(makeSnippet(text, queryTerms(q), 8)).toEqual({ snippet: `${text.slice(0, 22)}…`, highlights: [[2, 22]] });
      }
    });
  });

  describe('never cuts a character outside the basic plane in two', () => {
    it('starts before a pair whose low half the start would fall on, down to U+DC00', () => {
      // Five 𐀀 (U+10000, low half U+DC00), then 一犬: 犬 is at 11, two before it is the low half at 9.
      const text = `${'\u{10000}'.repeat(5)}一犬${'二'.repeat(20)}`;
      expect(makeSnippet(text, queryTerms('犬'), 8)).toEqual({ snippet: `…\u{10000}一犬${'二'.repeat(5)}…`, highlights: [[4, 5]] });
    });

    it('ends after a pair whose low half the end would fall on, up to U+DFFF', () => {
      // U+203FF (low half U+DFFF) at 7 and 8: the end, 8, falls on its low half.
      const text = `犬${'二'.repeat(6)}\u{203ff}${'二'.repeat(10)}`;
      expect(makeSnippet(text, queryTerms('犬'), 8)).toEqual({ snippet: `犬${'二'.repeat(6)}\u{203ff}…`, highlights: [[0, 1]] });
    });

    it('leaves a cut at a character above the surrogates alone', () => {
      // The start, 7, falls on the full-width comma U+FF0C.
      const text = `${'二'.repeat(7)}，一犬${'二'.repeat(20)}`;
      expect(makeSnippet(text, queryTerms('犬'), 8).snippet).toBe(`…，一犬${'二'.repeat(5)}…`);
    });

    it('keeps a lone low half at the very start of the text', () => {
      const text = `\udc00犬${'二'.repeat(20)}`;
      expect(makeSnippet(text, queryTerms('犬'), 8)).toEqual({ snippet: `\udc00犬${'二'.repeat(6)}…`, highlights: [[1, 2]] });
    });
  });
});
