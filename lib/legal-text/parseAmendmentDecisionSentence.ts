import type { AmendmentOperation, PhraseScope } from './consolidateModel';
import { CHINESE_NUMERAL_CHARS, fromChineseNumeral } from './numerals';

const N = `([${CHINESE_NUMERAL_CHARS}]+)`;
const ART = `第${N}条`;
const PARA = `第${N}款`;
const ITEM = `第[（(]?${N}[)）]?项`;
const SCOPE = `${ART}(?:${PARA}(?:${ITEM})?)?`;
/// Stands for one quoted stretch in the shape of a sentence.
const Q = '\u0001';
const COLON = '[：:]?';
const COMMA = '[，,]?';

/// A captured number: its value, undefined when the optional part was not written.
type Num = number | undefined;
type Reader = (n: Num[], q: string[], m: RegExpExecArray) => AmendmentOperation | null;

/// Each supported form, written on the sentence's shape (quotes replaced by Q); the numbers
/// captured are Chinese numerals, read before the reader sees them.
const FORMS: Array<[RegExp, Reader]> = [
  [new RegExp(`^将${ART}(?:${PARA})?修改为${COLON}${Q}$`), ([article, paragraph], [text]) =>
    paragraph === undefined ? { kind: 'replaceArticle', article: article!, text } : { kind: 'replaceParagraph', article: article!, paragraph, text }],
  [new RegExp(`^删去${ART}(?:${PARA}(?:${ITEM})?)?$`), ([article, paragraph, item]) =>
    item !== undefined ? { kind: 'deleteItem', article: article!, paragraph: paragraph!, item }
      : paragraph !== undefined ? { kind: 'deleteParagraph', article: article!, paragraph } : { kind: 'deleteArticle', article: article! }],
  [new RegExp(`^增加一条${COMMA}作为${ART}${COLON}${Q}$`), ([position], [text]) => ({ kind: 'addArticle', position: position!, text })],
  [new RegExp(`^在${ART}后增加一条${COMMA}作为${ART}${COLON}${Q}$`), ([after, position], [text]) =>
    ({ kind: 'addArticle', position: position!, after: after!, text })],
  [new RegExp(`^在${ART}中增加一款${COMMA}作为(?:${ART})?${PARA}${COLON}${Q}$`), ([article, again, paragraph], [text]) =>
    (again !== undefined && again !== article ? null : { kind: 'addParagraph', article: article!, paragraph: paragraph!, text })],
  [new RegExp(`^将${SCOPE}中的${Q}修改为${Q}$`), (n, [phrase, replacement]) => ({ kind: 'replacePhrase', scope: scopeOf(n), phrase, replacement })],
  [new RegExp(`^将${SCOPE}中的${Q}删去$`), (n, [phrase]) => ({ kind: 'deletePhrase', scope: scopeOf(n), phrase })],
  [new RegExp(`^删去${SCOPE}中的${Q}$`), (n, [phrase]) => ({ kind: 'deletePhrase', scope: scopeOf(n), phrase })],
  [new RegExp(`^在${SCOPE}中的${Q}([前后])增加${Q}$`), (n, [anchor, text], m) =>
    ({ kind: 'insertPhrase', scope: scopeOf(n), anchor, side: m[4] === '前' ? 'before' : 'after', text })],
  [new RegExp(`^将?${ART}改为${ART}$`), ([article, position]) => ({ kind: 'moveArticle', article: article!, position: position! })],
  [new RegExp(`^将(?:第${N}编)?(?:第${N}章)?(?:第${N}节)?的(编名|章名|节名)修改为${COLON}${Q}$`), ([part, chapter, section], [name], m) => {
    const heading = ({ 编名: 'part', 章名: 'chapter', 节名: 'section' } as const)[m[4] as '编名' | '章名' | '节名'];
    const own = { part, chapter, section }[heading];
    if (own === undefined || (heading !== 'section' && section !== undefined) || (heading === 'part' && chapter !== undefined)) return null;
    return { kind: 'renameHeading', heading, ...(part !== undefined ? { part } : {}), ...(chapter !== undefined ? { chapter } : {}), ...(section !== undefined ? { section } : {}), name };
  }],
  [/^(?:此外[，,]?)?对条文(?:的)?顺序(?:作|进行)了?相应的?调整$/, () => ({ kind: 'renumberNote' })],
];

function scopeOf([article, paragraph, item]: Num[]): PhraseScope {
  return { article: article!, ...(paragraph !== undefined ? { paragraph } : {}), ...(item !== undefined ? { item } : {}) };
}

/// Reads one sentence of a decision clause (without its closing 。 or ；) into an operation;
/// null when it is in none of the supported forms or a number in it cannot be read.
export function parseAmendmentDecisionSentence(sentence: string): AmendmentOperation | null {
  const split = splitQuotes(sentence.trim());
  if (!split) return null;
  for (const [pattern, read] of FORMS) {
    const m = pattern.exec(split.shape);
    if (!m) continue;
    const numbers: Num[] = [];
    for (const group of m.slice(1)) {
      if (group === undefined || !/^[\u4e00-\u9fff〇]+$/.test(group) || /^(?:[前后]|[编章节]名)$/.test(group)) {
        numbers.push(undefined);
        continue;
      }
      const n = fromChineseNumeral(group);
      if (n === null) return null;
      numbers.push(n);
    }
    return read(numbers, split.quotes, m);
  }
  return null;
}

/// Replaces each outermost “…” of a sentence by Q (quotes may nest: “建设“先行区””); null when
/// the quotes do not balance.
function splitQuotes(sentence: string): { shape: string; quotes: string[] } | null {
  let shape = '';
  const quotes: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of sentence) {
    if (ch === '“') {
      if (depth > 0) current += ch;
      depth++;
    } else if (ch === '”') {
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
