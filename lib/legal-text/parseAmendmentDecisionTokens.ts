import { CHINESE_NUMERAL_CHARS, fromChineseNumeral } from './numerals';

/// Stands for one quoted stretch in the shape of a sentence.
export const Q = '\u0001';
/// Stands for one list of provisions (第十条、第十二条第二款) in the shape of a sentence.
export const T = '\u0002';

/// Opening and closing quote marks: “” as published, 「」 as some sources and pastes have them.
export const OPEN_QUOTES = '“「';
export const CLOSE_QUOTES = '”」';

/// A provision named in a sentence: 第X条(之Y)(第Y款)(第（Z）项), a 款 or 项 written after another
/// provision of the same list (第二款、第三款 take its article), the whole text (`whole`: 本条例中的),
/// or 其 (`self`: 其中的, the provision the sentence before was about).
export interface Ref {
  article?: number;
  sub?: number;
  paragraph?: number;
  item?: number;
  whole?: true;
  self?: true;
  /// For the subject of a sentence that moved it (将第十条改为第九条，修改为：“第九条　……”).
  movedTo?: number;
}

/// A sentence with its quotes replaced by Q and its lists of provisions by T.
export interface Tokens {
  shape: string;
  quotes: string[];
  refs: Ref[][];
}

const NUM = `(?:[${CHINESE_NUMERAL_CHARS}]+|\\d+)`;
const ITEM = `第[（(]?${NUM}[)）]?项`;
const ONE = `(?:第${NUM}条(?:之${NUM})?(?:第${NUM}款)?(?:${ITEM})?|第${NUM}款(?:${ITEM})?|${ITEM})`;
/// 本条例中的, 条例中的, 本条例有关条款中的: the whole text.
const WHOLE = '(?:本?(?:条例|规定|办法|细则)|《[^》]+》)(?:的?(?:有关|相关|各|其他)?条(?:款|文))?(?=中)';
const JOIN = '(?:、|和|及|以及|与|至)';
const LIST = new RegExp(`${ONE}(?:${JOIN}${ONE})*|${WHOLE}|其(?=中)`, 'g');
const PART = new RegExp(`(${JOIN})?(${ONE})`, 'g');
const ONE_PARTS = new RegExp(`^第(${NUM})条(?:之(${NUM}))?(?:第(${NUM})款)?(?:第[（(]?(${NUM})[)）]?项)?$|^第(${NUM})款(?:第[（(]?(${NUM})[)）]?项)?$|^第[（(]?(${NUM})[)）]?项$`);

/// Reads a sentence into its shape: each outermost quote (quotes may nest: “建设“先行区””) becomes
/// Q, spaces outside quotes go, 本条例 (or 《……》) before 第X条 goes, and each list of provisions
/// becomes T.
/// Null when the quotes do not balance or a number cannot be read.
export function tokenize(sentence: string): Tokens | null {
  const split = splitQuotes(sentence.trim());
  if (!split) return null;
  const refs: Ref[][] = [];
  let failed = false;
  const shape = split.shape
    .replace(/[\s\u3000]/g, '')
    .replace(/(?:本(?:条例|规定|办法|细则)|《[^》]+》)(?=第)/g, '')
    .replace(LIST, (list) => {
      const read = readList(list);
      if (!read) failed = true;
      else refs.push(read);
      return T;
    });
  return failed ? null : { shape, quotes: split.quotes, refs };
}

/// Replaces each outermost quote of a sentence by Q; null when the quotes do not balance.
export function splitQuotes(sentence: string): { shape: string; quotes: string[] } | null {
  let shape = '';
  const quotes: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of sentence) {
    if (OPEN_QUOTES.includes(ch)) {
      if (depth > 0) current += ch;
      depth++;
    } else if (CLOSE_QUOTES.includes(ch)) {
      if (depth === 0) return null;
      depth--;
      if (depth > 0) current += ch;
      else {
        quotes.push(current);
        current = '';
        shape += Q;
      }
    } else if (depth > 0) current += ch;
    else shape += ch;
  }
  return depth === 0 ? { shape, quotes } : null;
}

/// Reads 第十条、第十二条第二款 (or 第三十条至第三十五条) into provisions; a 款 or 项 takes the article
/// (and a 项 the 款) of the provision before it. Null for a number it cannot read or a range
/// between provisions of different kinds.
function readList(list: string): Ref[] | null {
  if (list === '其') return [{ self: true }];
  if (!list.startsWith('第')) return [{ whole: true }];
  const refs: Ref[] = [];
  for (const [, join, one] of list.matchAll(PART)) {
    const own = readOne(one);
    if (!own) return null;
    const before = refs[refs.length - 1];
    // A list that starts without its article (第二款、第（一）项) is completed from the sentence
    // before (`complete`), not here.
    const ref: Ref = own.article !== undefined || before?.article === undefined ? own
      : own.paragraph !== undefined ? { article: before.article, ...own }
        : { article: before.article, ...(before.paragraph !== undefined ? { paragraph: before.paragraph } : {}), ...own };
    if (join === '至') {
      const range = expand(before, ref);
      if (!range) return null;
      refs.push(...range);
    } else refs.push(ref);
  }
  return refs;
}

function readOne(one: string): Ref | null {
  const m = ONE_PARTS.exec(one);
  if (!m) return null;
  const [article, sub, paragraph, item] = m[1] !== undefined ? [m[1], m[2], m[3], m[4]]
    : m[5] !== undefined ? [undefined, undefined, m[5], m[6]] : [undefined, undefined, undefined, m[7]];
  const ref: Ref = {};
  for (const [key, text] of [['article', article], ['sub', sub], ['paragraph', paragraph], ['item', item]] as const) {
    if (text === undefined) continue;
    const n = /^\d+$/.test(text) ? Number(text) : fromChineseNumeral(text);
    if (n === null || n < 1) return null;
    ref[key] = n;
  }
  return ref;
}

/// 第三十条至第三十三条 → 第三十条, 第三十一条, 第三十二条 (the first is already listed), 第三十三条;
/// also a range of 款 or 项 of one article.
function expand(from: Ref | undefined, to: Ref): Ref[] | null {
  if (!from || from.sub !== undefined || to.sub !== undefined) return null;
  const level = to.item !== undefined ? 'item' : to.paragraph !== undefined ? 'paragraph' : 'article';
  const same = (['article', 'paragraph', 'item'] as const).every((k) => (k === level) || from[k] === to[k]);
  const start = from[level];
  const end = to[level];
  if (!same || start === undefined || end === undefined || end <= start || end - start > 200) return null;
  return Array.from({ length: end - start }, (_, k) => ({ ...to, [level]: start + k + 1 }));
}
