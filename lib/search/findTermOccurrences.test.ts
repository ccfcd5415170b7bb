import { describe, expect, it } from 'vitest';
import { findTermOccurrences } from './findTermOccurrences';
import { queryTerms } from './queryTerms';
import { foldText } from './tokenize';

describe('findTermOccurrences', () => {
  const find = (text: string, q: string) => findTermOccurrences(foldText(text), queryTerms(q)[0]);

  it('finds overlapping occurrences of a CJK term', () => {
    expect(find('犬犬犬', '犬犬')).toEqual([0, 1]);
    expect(find('养犬人养犬', '养犬')).toEqual([0, 3]);
  });

  it('matches a latin or digit edge only at a word boundary', () => {
    expect(find('PM2.5与PM25', 'pm2')).toEqual([0]);
    expect(find('第13条和第3条', '3条')).toEqual([6]);
  });
});
