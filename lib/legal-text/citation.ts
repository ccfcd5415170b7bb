/// Citations of provisions (第十二条第二款第（三）项, 前款, 本条例第十条, 《X条例》第三条 …), read by a
/// small grammar:
///
///   citation  := prefix? units | relative units?
///   prefix    := 《title》 | 本条例 | 本办法 | 本规定 | 本细则 | 本法 | …
///   relative  := 本条 | 本款 | 本项 | 前条 | 前款 | 前两款 | 前项 | …
///   units     := unit+             (levels strictly descending: 编 章 节 条 款 项 目)
///   unit      := 第 N 编|章|节 | 第 N 条 (之 N)? | 第 N 款 | 第 （N） 项 | 第 N 项 | 第 N 目
///   list      := citation ((、|和|及|以及|或者|或|至|到) units)*   (later members inherit the
///                                                         levels above their first unit)
import { CHINESE_NUMERAL_CHARS, fromChineseNumeral, toChineseCount, toChineseNumeral } from './numerals';

/// A provision referred to relative to where the reference stands.
export type CitationRelative =
  | 'this-article'
  | 'this-paragraph'
  | 'this-item'
  | 'previous-article'
  | 'previous-paragraph'
  | 'previous-paragraphs'
  | 'previous-item';

/// A parsed reference to a provision. Absent levels are not part of the reference.
export interface CitationRef {
  /// The regulation named in 《》.
  regulation?: string;
  /// The reference names the citing text itself (本条例, 本办法 …).
  self?: true;
  /// The word after 本 (条例, 办法, 规定 …) when `self` is set.
  selfForm?: string;
  relative?: CitationRelative;
  /// How many paragraphs 前两款 / 前三款 covers.
  count?: number;
  part?: number;
  chapter?: number;
  section?: number;
  article?: number;
  /// 1 for 第十条之一.
  articleSub?: number;
  paragraph?: number;
  item?: number;
  subitem?: number;
}

/// A reference found in running text, with its UTF-16 offsets (end exclusive).
export interface FoundCitation {
  ref: CitationRef;
  start: number;
  end: number;
  text: string;
}

type Unit = 'part' | 'chapter' | 'section' | 'article' | 'paragraph' | 'item' | 'subitem';

type Token =
  | { type: 'title'; name: string; end: number }
  | { type: 'self'; form: string; end: number }
  | { type: 'relative'; relative: CitationRelative; count?: number; end: number }
  | { type: 'unit'; unit: Unit; n: number; sub?: number; end: number }
  | { type: 'separator'; end: number };

const LEVEL: Record<Unit, number> = { part: 0, chapter: 1, section: 2, article: 3, paragraph: 4, item: 5, subitem: 6 };
const UNIT_CHARS: Record<string, Unit> = { 编: 'part', 章: 'chapter', 节: 'section', 条: 'article', 款: 'paragraph', 项: 'item', 目: 'subitem' };
const SELF_FORMS = ['实施细则', '实施办法', '条例', '办法', '规定', '细则', '规则', '决定', '法'];
const RELATIVES: Array<[string, CitationRelative, number?]> = [
  ['本条', 'this-article'],
  ['本款', 'this-paragraph'],
  ['本项', 'this-item'],
  ['前一条', 'previous-article'],
  ['上一条', 'previous-article'],
  ['前条', 'previous-article'],
  ['前一款', 'previous-paragraph'],
  ['上一款', 'previous-paragraph'],
  ['前款', 'previous-paragraph'],
  ['上款', 'previous-paragraph'],
  ['前两款', 'previous-paragraphs', 2],
  ['前二款', 'previous-paragraphs', 2],
  ['前三款', 'previous-paragraphs', 3],
  ['前四款', 'previous-paragraphs', 4],
  ['前一项', 'previous-item'],
  ['前项', 'previous-item'],
];
// The lowest level a relative reference already fixes; units after it must be deeper.
const RELATIVE_LEVEL: Record<CitationRelative, number> = {
  'this-article': LEVEL.article,
  'previous-article': LEVEL.article,
  'this-paragraph': LEVEL.paragraph,
  'previous-paragraph': LEVEL.paragraph,
  'previous-paragraphs': LEVEL.paragraph,
  'this-item': LEVEL.item,
  'previous-item': LEVEL.item,
};
const SEPARATORS = ['以及', '或者', '、', '和', '及', '或', '至', '到'];
const NUMERAL = new RegExp(`^[${CHINESE_NUMERAL_CHARS}]+|^\\d{1,5}`);
const STARTERS = new Set(['第', '本', '前', '上', '《']);
const UNIT_FIELDS: Unit[] = ['part', 'chapter', 'section', 'article', 'paragraph', 'item', 'subitem'];

/// Parses a whole string as one citation; null when it is not exactly one.
export function parseCitation(text: string): CitationRef | null {
  const s = text.trim();
  const parsed = parseAt(s, 0);
  return parsed && parsed.end === s.length ? parsed.ref : null;
}

/// Finds every reference to a provision in running text (依照本条例第十二条, 前款第（二）项,
/// 第十条至第十二条 …), in order, with offsets so that an editor can rewrite them when articles
/// are renumbered. A bare 本条例 or 《X》 without a provision is not a reference to a provision.
export function findCitations(text: string): FoundCitation[] {
  const found: FoundCitation[] = [];
  let i = 0;
  while (i < text.length) {
    if (!STARTERS.has(text[i])) {
      i++;
      continue;
    }
    const parsed = parseAt(text, i);
    if (!parsed || !namesProvision(parsed.ref)) {
      // Nothing inside a title is a reference of this text.
      const title = text[i] === '《' ? readTitle(text, i) : null;
      i = title ? title.end : i + 1;
      continue;
    }
    found.push({ ref: parsed.ref, start: i, end: parsed.end, text: text.slice(i, parsed.end) });
    let previous = parsed.ref;
    let end = parsed.end;
    for (;;) {
      const separator = readToken(text, end);
      if (separator?.type !== 'separator') break;
      const member = readUnits(text, separator.end, -1);
      if (!member) break;
      const ref = inherit(previous, member.ref);
      found.push({ ref, start: separator.end, end: member.end, text: text.slice(separator.end, member.end) });
      previous = ref;
      end = member.end;
    }
    i = end;
  }
  return found;
}

/// Writes a reference in the standard form: 《杭州市法律援助条例》第十二条第二款第（三）项. With a
/// `title`, a reference to the text itself (本条例…, or one naming no regulation) is written with
/// that title; relative references (前款, 本条) stay relative.
export function formatCitation(ref: CitationRef, opts: { title?: string } = {}): string {
  let out = '';
  if (ref.regulation) out += `《${ref.regulation}》`;
  else if (ref.relative) out += relativeWords(ref);
  else if (opts.title) out += `《${opts.title}》`;
  else if (ref.self) out += `本${ref.selfForm ?? '条例'}`;
  if (ref.part) out += `第${toChineseNumeral(ref.part)}编`;
  if (ref.chapter) out += `第${toChineseNumeral(ref.chapter)}章`;
  if (ref.section) out += `第${toChineseNumeral(ref.section)}节`;
  if (ref.article) out += `第${toChineseNumeral(ref.article)}条${ref.articleSub ? `之${toChineseNumeral(ref.articleSub)}` : ''}`;
  if (ref.paragraph) out += `第${toChineseNumeral(ref.paragraph)}款`;
  if (ref.item) out += `第（${toChineseNumeral(ref.item)}）项`;
  if (ref.subitem) out += `第${ref.subitem}目`;
  return out;
}

function relativeWords(ref: CitationRef): string {
  if (ref.relative === 'previous-paragraphs') return `前${toChineseCount(ref.count ?? 2)}款`;
  const words = RELATIVES.find(([, relative]) => relative === ref.relative);
  return words ? words[0].replace(/^前一/, '前') : '';
}

function namesProvision(ref: CitationRef): boolean {
  return ref.relative !== undefined || UNIT_FIELDS.some((f) => ref[f] !== undefined);
}

function parseAt(s: string, i: number): { ref: CitationRef; end: number } | null {
  const first = readToken(s, i);
  if (!first || first.type === 'separator') return null;
  if (first.type === 'unit') return readUnits(s, i, -1);
  const ref: CitationRef = {};
  let minLevel = -1;
  if (first.type === 'title') ref.regulation = first.name;
  if (first.type === 'self') {
    ref.self = true;
    ref.selfForm = first.form;
  }
  if (first.type === 'relative') {
    ref.relative = first.relative;
    if (first.count) ref.count = first.count;
    minLevel = RELATIVE_LEVEL[first.relative];
  }
  const units = readUnits(s, first.end, minLevel);
  if (!units) return { ref, end: first.end };
  return { ref: { ...ref, ...units.ref }, end: units.end };
}

function readUnits(s: string, i: number, above: number): { ref: CitationRef; end: number } | null {
  const ref: CitationRef = {};
  let level = above;
  let end = i;
  for (;;) {
    const token = readToken(s, end);
    if (token?.type !== 'unit' || LEVEL[token.unit] <= level) break;
    ref[token.unit] = token.n;
    if (token.sub) ref.articleSub = token.sub;
    level = LEVEL[token.unit];
    end = token.end;
  }
  return end === i ? null : { ref, end };
}

function inherit(previous: CitationRef, member: CitationRef): CitationRef {
  const top = Math.min(...UNIT_FIELDS.filter((f) => member[f] !== undefined).map((f) => LEVEL[f]));
  const ref: CitationRef = {};
  for (const key of ['regulation', 'self', 'selfForm', 'relative', 'count'] as const) {
    if (previous[key] !== undefined) Object.assign(ref, { [key]: previous[key] });
  }
  for (const f of UNIT_FIELDS) {
    if (LEVEL[f] < top && previous[f] !== undefined) ref[f] = previous[f];
  }
  if (top > LEVEL.article && previous.articleSub) ref.articleSub = previous.articleSub;
  return { ...ref, ...member };
}

function readToken(s: string, i: number): Token | null {
  const ch = s[i];
  if (ch === '《') return readTitle(s, i);
  if (ch === '第') return readUnit(s, i);
  if (ch === '本') {
    for (const form of SELF_FORMS) {
      if (s.startsWith(form, i + 1)) return { type: 'self', form, end: i + 1 + form.length };
    }
  }
  if (ch === '本' || ch === '前' || ch === '上') {
    let best: Token | null = null;
    for (const [words, relative, count] of RELATIVES) {
      // 本项目 / 前项目 are "this project", not references.
      if (s.startsWith(words, i) && s[i + words.length] !== '目' && (!best || best.end < i + words.length)) {
        best = count ? { type: 'relative', relative, count, end: i + words.length } : { type: 'relative', relative, end: i + words.length };
      }
    }
    return best;
  }
  const separator = SEPARATORS.find((w) => s.startsWith(w, i));
  return separator ? { type: 'separator', end: i + separator.length } : null;
}

function readTitle(s: string, i: number): Extract<Token, { type: 'title' }> | null {
  // 《》 may nest 〈〉 but not 《》; a title never spans a line.
  const close = s.indexOf('》', i + 1);
  if (close < 0) return null;
  const name = s.slice(i + 1, close);
  if (name === '' || /[《\n]/.test(name)) return null;
  return { type: 'title', name, end: close + 1 };
}

function readUnit(s: string, i: number): Extract<Token, { type: 'unit' }> | null {
  let j = i + 1;
  const bracketed = s[j] === '（' || s[j] === '(';
  if (bracketed) j++;
  const numeral = readNumber(s, j);
  if (!numeral) return null;
  j = numeral.end;
  if (bracketed) {
    if (s[j] !== '）' && s[j] !== ')') return null;
    j++;
  }
  const unit = UNIT_CHARS[s[j]];
  if (!unit || (bracketed && unit !== 'item' && unit !== 'subitem')) return null;
  j++;
  if (unit === 'article' && s[j] === '之') {
    const sub = readNumber(s, j + 1);
    if (sub) return { type: 'unit', unit, n: numeral.n, sub: sub.n, end: sub.end };
  }
  return { type: 'unit', unit, n: numeral.n, end: j };
}

function readNumber(s: string, i: number): { n: number; end: number } | null {
  const m = NUMERAL.exec(s.slice(i, i + 12));
  if (!m) return null;
  const n = /^\d/.test(m[0]) ? Number(m[0]) : fromChineseNumeral(m[0]);
  return n ? { n, end: i + m[0].length } : null;
}
