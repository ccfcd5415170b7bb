import { describe, expect, it } from 'vitest';
import { bigramBaseline } from './bigramBaseline';

describe('bigramBaseline', () => {
  const docs = [
    { id: 1, text: '饲养犬只应当办理登记。' },
    { id: 2, text: '犬只、犬只、犬只：本条例所称犬只，是指家养的犬。' },
    { id: 3, text: '物业服务人应当按照约定提供服务。' },
    { id: 4, text: 'PM2.5浓度超标的，应当报告。' },
  ];
  const search = bigramBaseline(docs);

  it('ranks by BM25 over the character bigrams a question shares with each text', () => {
    expect(search('犬只登记', 10)).toEqual([1, 2]);
    expect(search('犬只', 10)).toEqual([2, 1]);
  });

  it('ORs the bigrams, so that a text needs only one of them', () => {
    expect(search('物业的犬只', 10)).toEqual(expect.arrayContaining([1, 2, 3]));
  });

  it('matches latin and digit words whole, and a lone character only where it stands alone', () => {
    expect(search('pm2', 10)).toEqual([4]);
    expect(search('犬', 10)).toEqual([]);
    expect(search('？！', 10)).toEqual([]);
  });

  it('returns at most k ids', () => {
    expect(search('应当', 2)).toHaveLength(2);
  });
});
