import { describe, expect, it } from 'vitest';
import { queryTerms } from './queryTerms';

describe('queryTerms', () => {
  it('maps one and two CJK characters to a single index token', () => {
    expect(queryTerms('犬')).toMatchObject([{ text: '犬', tokens: ['犬'], single: true }]);
    expect(queryTerms('养犬')).toMatchObject([{ text: '养犬', tokens: ['养犬'], single: true }]);
  });

  it('needs every bigram of a longer term but checks the whole term', () => {
    expect(queryTerms('犬只管理')).toMatchObject([{ text: '犬只管理', tokens: ['犬只', '只管', '管理'], single: false }]);
  });

  it('splits on spaces and punctuation and gives search syntax no meaning', () => {
    expect(queryTerms('养犬 AND 物业').map((t) => t.text)).toEqual(['养犬', 'and', '物业']);
    expect(queryTerms('"养犬*" NEAR(犬只, 2)').map((t) => t.text)).toEqual(['养犬', 'near', '犬只', '2']);
    expect(queryTerms('（）“”*^-')).toEqual([]);
  });

  it('folds latin case and full width and marks word edges', () => {
    expect(queryTerms('ＰＭ2')).toMatchObject([{ text: 'pm2', tokens: ['pm2'], single: true, startsWithWord: true, endsWithWord: true }]);
    expect(queryTerms('A级')).toMatchObject([{ text: 'a级', tokens: ['a', '级'], single: false, startsWithWord: true, endsWithWord: false }]);
  });

  it('drops repeated terms, and a bigram repeated within a term', () => {
    expect(queryTerms('养犬 养犬').map((t) => t.text)).toEqual(['养犬']);
    expect(queryTerms('孔雀孔雀')).toMatchObject([{ text: '孔雀孔雀', tokens: ['孔雀', '雀孔'] }]);
  });

  it('reads a character beyond the basic plane as one character, and the last one below it as one too', () => {
    // 𠮷 (U+20BB7) takes two UTF-16 units; U+FFFF, one, and separates terms like punctuation.
    expect(queryTerms('𠮷野家')).toMatchObject([{ text: '𠮷野家', tokens: ['𠮷野', '野家'], single: false }]);
    expect(queryTerms('养犬\uffff登记').map((t) => t.text)).toEqual(['养犬', '登记']);
  });
});
