import { describe, expect, it } from 'vitest';
import { analyzeText, foldText, indexedLength, tokenizeForIndex } from './tokenize';

describe('tokenizeForIndex', () => {
  it('indexes every CJK character and every adjacent pair, with their counts', () => {
    const tokens = tokenizeForIndex('养犬人养犬');
    expect(Object.fromEntries(tokens)).toEqual({ 养: 2, 犬: 2, 人: 1, 养犬: 2, 犬人: 1, 人养: 1 });
  });

  it('does not pair characters across punctuation or line breaks', () => {
    const tokens = tokenizeForIndex('犬只，应当\n登记');
    expect(tokens.has('只应')).toBe(false);
    expect(tokens.has('当登')).toBe(false);
    expect(tokens.get('犬只')).toBe(1);
    expect(tokens.get('应当')).toBe(1);
  });

  it('keeps latin and digit runs as lower-cased whole words, full-width folded to half-width', () => {
    const tokens = tokenizeForIndex('PM2.5浓度超过７５微克，ＧＢ标准');
    expect([...tokens.keys()].filter((t) => /[a-z0-9]/.test(t)).sort()).toEqual(['5', '75', 'gb', 'pm2']);
    expect(tokens.has('5浓')).toBe(false);
  });

  it('handles characters outside the basic plane as single ideographs', () => {
    const tokens = tokenizeForIndex('𠮷野家');
    expect(tokens.get('𠮷')).toBe(1);
    expect(tokens.get('𠮷野')).toBe(1);
    expect(analyzeText('𠮷野家').length).toBe(3);
  });
});

describe('foldText', () => {
  it('keeps the length so offsets stay valid, folding case and width', () => {
    const text = 'ＡＢＣ　Def（１）';
    expect(foldText(text)).toBe('abc def(1)');
    expect(foldText(text).length).toBe(text.length);
  });
});

describe('indexedLength', () => {
  it('counts indexable characters the way the indexer does', () => {
    const text = '第一款：犬只应当登记。PM2.5\n（一）';
    expect(indexedLength(text)).toBe(analyzeText(text).length);
    expect(indexedLength(text)).toBe(14);
  });
});
