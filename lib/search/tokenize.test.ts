import { describe, expect, it } from 'vitest';
import { analyzeText, charClass, CJK, foldText, indexedLength, SEPARATOR, tokenizeForIndex, WORD } from './tokenize';

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

describe('charClass', () => {
  // What the index makes of a character at each edge of the ranges it knows: an ideograph (paired
  // into bigrams), a letter or digit (part of a word), or a separator (not indexed). Each
  // ideograph range is checked at both ends and just outside them.
  const cases: [string, number, number][] = [
    ['一, the first unified ideograph', 0x4e00, CJK],
    ['a hexagram just below it', 0x4dff, SEPARATOR],
    ['the last unified ideograph', 0x9fff, CJK],
    ['a Yi syllable just above it (a letter)', 0xa000, WORD],
    ['㐀, the first of extension A', 0x3400, CJK],
    ['a square symbol just below it', 0x33ff, SEPARATOR],
    ['the last of extension A', 0x4dbf, CJK],
    ['the first hexagram, just above it', 0x4dc0, SEPARATOR],
    ['the first compatibility ideograph (U+F900)', 0xf900, CJK],
    ['a private-use character just below it', 0xf8ff, SEPARATOR],
    ['the end of the compatibility block', 0xfaff, CJK],
    ['the ﬀ ligature just above it (a letter)', 0xfb00, WORD],
    ['〇, the ideographic zero', 0x3007, CJK],
    ['〆 beside it (a letter, not an ideograph)', 0x3006, WORD],
    ['〈 beside it on the other side', 0x3008, SEPARATOR],
    ['𠀀, the first of extension B', 0x20000, CJK],
    ['a noncharacter just below it', 0x1ffff, SEPARATOR],
    ['the end of extension G', 0x3134f, CJK],
    ['a language tag far above it', 0xe0001, SEPARATOR],
    ['a', 0x61, WORD],
    ['z', 0x7a, WORD],
    ['` below a', 0x60, SEPARATOR],
    ['{ above z', 0x7b, SEPARATOR],
    ['0', 0x30, WORD],
    ['9', 0x39, WORD],
    ['/ below 0', 0x2f, SEPARATOR],
    [': above 9', 0x3a, SEPARATOR],
    ['DEL', 0x7f, SEPARATOR],
    ['é', 0xe9, WORD],
    ['①', 0x2460, WORD],
    ['α', 0x3b1, WORD],
    ['the middle dot ·', 0xb7, SEPARATOR],
  ];
  it.each(cases)('%s', (_name, cp, expected) => {
    expect(charClass(cp)).toBe(expected);
  });
});

describe('folding at the edges of the full-width block', () => {
  it('folds ！ through ～ and the ideographic space, and lower-cases only A to Z', () => {
    expect(foldText('！～\u3000＠ＡＺ［ａｚ｟AZ@[')).toBe('!~ @az[az｟az@[');
  });
});

describe('broken and astral text', () => {
  // Text arrives from uploads and pasted documents with lone surrogate halves: each half stands
  // alone as a separator, the character after it is read as itself, and nothing throws.
  const cases: [string, string, Record<string, number>, number][] = [
    ['a character from the first astral block joins a word', 'x\u{10000}y', { 'x\u{10000}y': 1 }, 3],
    ['two lone low halves', '\udc00\udc00', {}, 0],
    ['a lone high half before a letter', '\ud840a', { a: 1 }, 1],
    ['a lone high half before a compatibility ideograph', '\ud840\uf900', { '\uf900': 1 }, 1],
    ['a lone high half before a full-width comma', '\ud840\uff0c', {}, 0],
    ['a lone high half before 。', '\ud880。', {}, 0],
    ['a lone low half after a letter', 'a\udc00', { a: 1 }, 1],
    ['an astral ideograph whose low half is the last one (U+203FF)', '\u{203FF}犬', { '\u{203FF}': 1, 犬: 1, '\u{203FF}犬': 1 }, 2],
    ['an astral letter (mathematical bold a)', '\u{1D41A}', { '\u{1D41A}': 1 }, 1],
    ['an astral symbol (an emoji) between ideographs', '犬\u{1F600}只', { 犬: 1, 只: 1 }, 2],
    ['a lone high half at the end', '犬\ud840', { 犬: 1 }, 1],
  ];
  it.each(cases)('%s', (_name, text, tokens, length) => {
    expect(Object.fromEntries(tokenizeForIndex(text))).toEqual(tokens);
    expect(analyzeText(text).length).toBe(length);
    expect(indexedLength(text)).toBe(length);
  });

  it('counts latin capitals and full-width letters in the scoring length, as the indexer does', () => {
    for (const text of ['ABC', 'ＡＢＣ', 'A\u3000B']) expect(indexedLength(text)).toBe(analyzeText(text).length);
    expect(indexedLength('ABC')).toBe(3);
    expect(indexedLength('A\u3000B')).toBe(2);
  });
});
