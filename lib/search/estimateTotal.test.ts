import { describe, expect, it } from 'vitest';
import { estimateTotal } from './estimateTotal';
import type { RankedTerm } from './planRankedTerms';

/// A term whose driver list holds `df` postings; `exact` false for a longer word.
function term(df: number, exact = true): RankedTerm {
  return {
    term: { text: '养犬', tokens: ['养犬'], single: exact, startsWithWord: false, endsWithWord: false },
    weight: 1,
    idf: 1,
    factor: 1,
    driver: { token: '养犬', id: 1, df, maxScore: 100 },
    ceiling: 100,
    exact,
    instr: null,
  };
}

const unchecked = { checked: 0, matched: 0 };

describe('estimateTotal (worked by hand)', () => {
  it('counts the union of independent lists: 1 − Π(1 − df/N) of the allowed articles', () => {
    // N = 1,000: lists of 100 and 200 miss an article with probability 0.9 × 0.8 = 0.72.
    expect(estimateTotal([term(100), term(200)], [unchecked, unchecked], 0, 1000, 1000)).toBe(280);
    // Only 500 articles allowed (a kind filter): the same share of them.
    expect(estimateTotal([term(100), term(200)], [unchecked, unchecked], 0, 1000, 500)).toBe(140);
    expect(estimateTotal([term(250)], [unchecked], 0, 1000, 1000)).toBe(250);
  });

  it('never says fewer than the articles already known to match', () => {
    expect(estimateTotal([term(100)], [unchecked], 130, 1000, 1000)).toBe(130);
    expect(estimateTotal([term(100)], [unchecked], 99, 1000, 1000)).toBe(100);
  });

  it('scales a longer word by the share of checked driver postings that held it', () => {
    // 400 driver postings, 1 in 4 of those checked held the word: about 100 articles.
    expect(estimateTotal([term(400, false)], [{ checked: 40, matched: 10 }], 0, 1000, 1000)).toBe(100);
    // Nothing checked yet: the driver's size stands for the word.
    expect(estimateTotal([term(400, false)], [unchecked], 0, 1000, 1000)).toBe(400);
    // A one-token term is its own driver, whatever was counted.
    expect(estimateTotal([term(400)], [{ checked: 40, matched: 10 }], 0, 1000, 1000)).toBe(400);
  });

  it('caps a list at the whole index and survives an empty one', () => {
    expect(estimateTotal([term(5000)], [unchecked], 0, 1000, 1000)).toBe(1000);
    expect(estimateTotal([term(3)], [unchecked], 0, 0, 0)).toBe(0);
  });
});
