import { CHINESE_NUMERAL_CHARS, fromChineseNumeral } from './numerals';

/// What one line of input is, judged by its text alone (never by the number of `#`).
export type LineClass =
  | { kind: 'blank' }
  | { kind: 'marker' }
  | { kind: 'heading'; level: 'part' | 'chapter' | 'section'; number: number; title: string; hashes: number }
  | { kind: 'otherHeading'; hashes: number; text: string }
  | { kind: 'article'; number: number; sub?: number; text: string }
  | { kind: 'item'; number: number; text: string }
  | { kind: 'subitem'; number: number; style: 'dot' | 'paren'; text: string }
  | { kind: 'text'; text: string; indented: boolean };

/// Space characters found between a label and its text: ASCII space, tab, NBSP, U+3000 and the
/// typographic spaces a PDF export produces.
export const SPACE = '[ \\t\\u00a0\\u2000-\\u200a\\u202f\\u205f\\u3000]';

const N = `[${CHINESE_NUMERAL_CHARS}]+`;
const ZERO_WIDTH = /[\u200b\ufeff]/g;
const HAS_ZERO_WIDTH = /[\u200b\ufeff]/;
const INDENT = new RegExp(`^(?:\\u3000|\\t| {2})`);
const MD_HEADING = /^(#{1,6})[ \t\u3000\u00a0]*([^#].*)?$/;
const HEADING = new RegExp(`^第(${N})([编章节])(?:${SPACE}+(.*)|(.*))$`);
const ARTICLE = new RegExp(`^第(${N})条(?:之(${N}))?(?:${SPACE}+(.*)|$)`);
const ITEM = new RegExp(`^[（(](${N})[)）]${SPACE}*(.*)$`);
const SUBITEM_DOT = new RegExp(`^(\\d{1,3})[.．、](?!\\d)${SPACE}*(.*)$`);
const SUBITEM_PAREN = new RegExp(`^[（(](\\d{1,3})[)）]${SPACE}*(.*)$`);
const MARKER = /^<!--\s*INFO END\s*-->$/;
const COMMENT = /^<!--.*-->$/;
const HAS_SPACE = new RegExp(SPACE);
const SPACES = new RegExp(`${SPACE}+`, 'g');
const LETTER_SPACING = /(?<=[\u3400-\u9fff\uff00-\uffef（）《》〈〉、，；：]) (?=[\u3400-\u9fff\uff00-\uffef（）《》〈〉、，；：])/g;
// Only lines starting with one of these can be anything but plain text.
const STRUCTURAL_START = /^[#第（(<\d０-９]/;
const LEVELS = { 编: 'part', 章: 'chapter', 节: 'section' } as const;
// A heading written without a space after 第X章 must look like a heading, not like a
// sentence that happens to begin with a reference.
const MAX_GLUED_HEADING = 24;

/// Removes zero-width characters and surrounding spaces (including U+3000 and NBSP).
export function trimLine(raw: string): string {
  // String#trim covers the same spaces (Unicode Zs, tab, NBSP), U+3000 included.
  return raw.replace(ZERO_WIDTH, '').trim();
}

/// Collapses the spaces inside a heading title: spaces between two CJK characters are
/// letter-spacing (总 则, 附  则) and go; other runs become one space.
export function normalizeHeadingTitle(title: string): string {
  if (!HAS_SPACE.test(title)) return title;
  return title.replace(SPACES, ' ').replace(LETTER_SPACING, '').trim();
}

/// Classifies one raw input line.
export function classifyLine(raw: string): LineClass {
  const withoutZeroWidth = HAS_ZERO_WIDTH.test(raw) ? raw.replace(ZERO_WIDTH, '') : raw;
  const line = withoutZeroWidth.trim();
  if (line === '') return { kind: 'blank' };
  if (MARKER.test(line)) return { kind: 'marker' };
  if (!STRUCTURAL_START.test(line)) return { kind: 'text', text: line, indented: INDENT.test(withoutZeroWidth) };
  if (COMMENT.test(line)) return { kind: 'blank' };

  const md = MD_HEADING.exec(line);
  if (md) {
    const text = trimLine(md[2] ?? '');
    const heading = matchHeading(text, true);
    if (heading) return { ...heading, hashes: md[1].length };
    // Some sources set each article as a heading; it is still an article.
    const inner = classifyLine(text);
    return inner.kind === 'article' ? inner : { kind: 'otherHeading', hashes: md[1].length, text };
  }
  const heading = matchHeading(line, false);
  if (heading) return { ...heading, hashes: 0 };

  const article = ARTICLE.exec(line);
  if (article) {
    const number = fromChineseNumeral(article[1]);
    const sub = article[2] === undefined ? undefined : fromChineseNumeral(article[2]);
    if (number !== null && sub !== null) {
      const text = trimLine(article[3] ?? '');
      return sub === undefined ? { kind: 'article', number, text } : { kind: 'article', number, sub, text };
    }
  }
  const item = ITEM.exec(line);
  if (item) {
    const number = fromChineseNumeral(item[1]);
    if (number !== null) return { kind: 'item', number, text: item[2] };
  }
  const ascii = toAsciiDigits(line);
  const dot = SUBITEM_DOT.exec(ascii);
  if (dot) return { kind: 'subitem', number: Number(dot[1]), style: 'dot', text: line.slice(line.length - dot[2].length) };
  const paren = SUBITEM_PAREN.exec(ascii);
  if (paren) return { kind: 'subitem', number: Number(paren[1]), style: 'paren', text: line.slice(line.length - paren[2].length) };

  return { kind: 'text', text: line, indented: INDENT.test(withoutZeroWidth) };
}

function matchHeading(
  text: string,
  isMarkdownHeading: boolean,
): { kind: 'heading'; level: 'part' | 'chapter' | 'section'; number: number; title: string } | null {
  const m = HEADING.exec(text);
  if (!m) return null;
  const number = fromChineseNumeral(m[1]);
  if (number === null) return null;
  const glued = m[4] ?? '';
  if (glued !== '' && !isMarkdownHeading && (text.length > MAX_GLUED_HEADING || /[。；，：！？]/.test(glued))) {
    return null;
  }
  const title = normalizeHeadingTitle(m[3] ?? glued);
  if (!isMarkdownHeading && /[。；：！？]$/.test(title)) return null;
  return { kind: 'heading', level: LEVELS[m[2] as keyof typeof LEVELS], number, title };
}

function toAsciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}
