/// Character classes and the index tokenizer: CJK runs become overlapping character bigrams plus
/// single characters, other letter/digit runs become lower-cased words. Pure; no I/O.

/// The classes `charClass` gives: not indexed, a CJK ideograph, a latin/digit word character.
export const SEPARATOR = 0;
export const CJK = 1;
export const WORD = 2;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/// Folds one UTF-16 code unit for matching: full-width ASCII (Ａ, ０, （) to ASCII, the ideographic
/// space to a space, A–Z to a–z. One unit in, one unit out, so offsets into the folded string are
/// offsets into the original.
function foldUnit(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
  else if (c === 0x3000) return 0x20;
  if (c >= 0x41 && c <= 0x5a) return c + 0x20;
  return c;
}

/// The text as the index and the matcher see it: same length as `text`, full-width ASCII made
/// half-width and latin letters lower-cased.
export function foldText(text: string): string {
  return FOLDABLE.test(text) ? text.replace(FOLDABLE_ALL, (ch) => String.fromCharCode(foldUnit(ch.charCodeAt(0)))) : text;
}

const FOLDABLE = /[A-Z\u3000\uff01-\uff5e]/;
const FOLDABLE_ALL = /[A-Z\u3000\uff01-\uff5e]/g;

/// The class of the (folded) code point `cp`: CJK ideograph, other letter or digit, or separator.
export function charClass(cp: number): 0 | 1 | 2 {
  if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0xf900 && cp <= 0xfaff) || cp === 0x3007 || (cp >= 0x20000 && cp <= 0x3134f)) return CJK;
  if ((cp >= 0x61 && cp <= 0x7a) || (cp >= 0x30 && cp <= 0x39)) return WORD;
  if (cp < 0x80) return SEPARATOR;
  // Rare outside CJK in statute text (Greek letters, accented names, ①): one regex test is fine.
  return LETTER_OR_DIGIT.test(String.fromCodePoint(cp)) ? WORD : SEPARATOR;
}

/// True when the code point is a CJK ideograph (a bigram/unigram character).
export function isCjk(cp: number): boolean {
  return charClass(cp) === CJK;
}

/// What the indexer needs of one text: its tokens with their term frequencies and its length in
/// indexable characters (CJK characters plus word characters), the length used for scoring.
export interface AnalyzedText {
  tokens: Map<string, number>;
  length: number;
}

/// Tokenizes and measures `text` in one pass (see `tokenizeForIndex`).
export function analyzeText(text: string): AnalyzedText {
  const folded = foldText(text);
  const tokens = new Map<string, number>();
  const add = (t: string) => tokens.set(t, (tokens.get(t) ?? 0) + 1);
  let length = 0;
  let prevCjkStart = -1; // start offset of the previous CJK character when it is adjacent
  let wordStart = -1;
  let i = 0;
  while (i <= folded.length) {
    let cp = -1;
    let width = 1;
    if (i < folded.length) {
      cp = folded.charCodeAt(i);
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < folded.length) {
        const lo = folded.charCodeAt(i + 1);
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          cp = (cp - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
          width = 2;
        }
      }
    }
    const cls = cp < 0 ? SEPARATOR : charClass(cp);
    if (cls !== WORD && wordStart >= 0) {
      add(folded.slice(wordStart, i));
      wordStart = -1;
    }
    if (cls === CJK) {
      length++;
      add(folded.slice(i, i + width));
      if (prevCjkStart >= 0) add(folded.slice(prevCjkStart, i + width));
      prevCjkStart = i;
    } else {
      prevCjkStart = -1;
      if (cls === WORD) {
        length++;
        if (wordStart < 0) wordStart = i;
      }
    }
    i += width;
  }
  return { tokens, length };
}

/// The index tokens of `text` with their term frequencies: every CJK character and every pair of
/// adjacent CJK characters (养, 犬, 养犬 …), and every latin/digit run lower-cased (pm2, 5, 2025).
/// Punctuation and spaces separate runs and are not indexed.
export function tokenizeForIndex(text: string): Map<string, number> {
  return analyzeText(text).tokens;
}

/// The length of `text` for scoring: the number of CJK characters and latin/digit characters
/// (what `analyzeText` reports as `length`), without building the token map.
export function indexedLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
        i++;
      }
    }
    if (charClass(cp > 0xffff ? cp : foldUnit(cp)) !== SEPARATOR) n++;
  }
  return n;
}
