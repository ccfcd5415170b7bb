import { buildTree, type BodyUnit } from './buildTree';
import { classifyLine, normalizeHeadingTitle, type LineClass } from './classifyLine';
import { findNoiseLines } from './findNoiseLines';
import type { ParseWarning, RegulationText } from './model';
import { isHeaderLine, parseHeaderEvents } from './parseHeaderEvents';
import { dropTocHeadings } from './dropTocHeadings';

/// How the input was written: the corpus's Markdown, or plain text pasted from Word or a PDF.
export type TextFormat = 'md' | 'txt';

/// Options for `parseRegulation`.
export interface ParseOptions {
  /// Guessed from the text when absent (any `#` heading or the INFO END marker means 'md').
  format?: TextFormat;
}

interface Line {
  no: number;
  cls: LineClass;
}

const SENTENCE_END = /[。；：！？.!?;:…]$/;
const CLOSERS = /[”’」』）)\]】》〉"']+$/;
const DATE_START = /^[（(]?(\d{4}|[〇零一二三四五六七八九]{4})\s*年/;
const TOC_WORD = '目录';
/// How a complete header line ends: with the verb of its event (…会议通过, 自…起施行).
const HEADER_LINE_END = /(通过|批准|修正|修订|公布|发布|施行|生效)$/;

/// Parses the text of a regulation (Markdown as in the corpus, or plain text) into its title,
/// header lines, dated events and body tree. Never throws on odd input: whatever cannot be placed
/// is reported in `warnings` with its line number.
export function parseRegulation(text: string, opts: ParseOptions = {}): RegulationText {
  const lines: Line[] = text
    .replace(/^\ufeff/, '')
    .split(/\r\n|\r|\n/)
    .map((raw, i) => ({ no: i + 1, cls: classifyLine(raw) }));
  const format = opts.format ?? guessFormat(lines);
  const warnings: ParseWarning[] = [];

  const { title, next } = readTitle(lines, warnings);
  const { info, bodyStart, stray } = readHeader(lines, next, title);
  const noise = format === 'txt' ? findNoiseLines(lines.map((l) => l.cls)) : new Set<number>();
  const body = readBody(lines.slice(bodyStart), { format, title, noise, offset: bodyStart });
  const tree = buildTree(dropTocHeadings([...stray, ...body.units]));

  return {
    title,
    info,
    events: parseHeaderEvents(info),
    body: tree.body,
    warnings: [...warnings, ...body.warnings, ...tree.warnings].sort((a, b) => a.line - b.line),
  };
}

function guessFormat(lines: Line[]): TextFormat {
  const markdown = lines.some(
    (l) => l.cls.kind === 'marker' || l.cls.kind === 'otherHeading' || (l.cls.kind === 'heading' && l.cls.hashes > 0),
  );
  return markdown ? 'md' : 'txt';
}

function readTitle(lines: Line[], warnings: ParseWarning[]): { title: string; next: number } {
  const index = lines.findIndex((l) => l.cls.kind !== 'blank');
  const missing = (at: number, next: number) => {
    warnings.push({ line: lines[at]?.no ?? 1, code: 'missing_title', message: '缺少标题：第一行应为法规名称' });
    return { title: '', next };
  };
  if (index < 0) return missing(0, lines.length);
  const first = lines[index].cls;
  if (first.kind === 'otherHeading') return { title: normalizeHeadingTitle(first.text), next: index + 1 };
  if (first.kind === 'text' && !(DATE_START.test(first.text) && isHeaderLine(first.text))) {
    return { title: normalizeHeadingTitle(first.text), next: index + 1 };
  }
  return missing(index, index);
}

function readHeader(
  lines: Line[],
  start: number,
  title: string,
): { info: string[]; bodyStart: number; stray: BodyUnit[] } {
  let end = start;
  while (end < lines.length && !isStructural(lines[end].cls)) end++;
  let marker = -1;
  for (let i = start; i < end && marker < 0; i++) if (lines[i].cls.kind === 'marker') marker = i;

  const info: string[] = [];
  const stray: BodyUnit[] = [];
  let lastInfoLine = -1;
  for (let i = start; i < (marker >= 0 ? marker : end); i++) {
    const { cls, no } = lines[i];
    const text = cls.kind === 'text' ? cls.text : cls.kind === 'otherHeading' ? cls.text : '';
    if (text === '' || isRepeatOf(text, title)) continue;
    const wrapped = info.length > 0 && lastInfoLine === i - 1 && !/[）)。]$/.test(info[info.length - 1]) && !DATE_START.test(text);
    // A header line cut off mid-phrase (…第十五届 / 人民代表大会…) goes on on the next line, which
    // need not look like a header line itself.
    if (marker < 0 && !isHeaderLine(text) && !(wrapped && !HEADER_LINE_END.test(info[info.length - 1]))) {
      stray.push({ kind: 'text', line: no, text });
      continue;
    }
    if (wrapped) info[info.length - 1] += text;
    else info.push(text);
    lastInfoLine = i;
  }
  return { info, bodyStart: marker >= 0 ? marker + 1 : end, stray };
}

function isStructural(cls: LineClass): boolean {
  return cls.kind === 'heading' || cls.kind === 'article' || cls.kind === 'item' || cls.kind === 'subitem';
}

function isRepeatOf(text: string, title: string): boolean {
  // Letter-spacing at most doubles a title's length; longer lines cannot repeat it.
  if (text.length > 2 * Math.max(title.length, TOC_WORD.length)) return false;
  const normalized = normalizeHeadingTitle(text);
  return normalized === TOC_WORD || (title !== '' && normalized === title);
}

interface BodyContext {
  format: TextFormat;
  title: string;
  noise: Set<number>;
  offset: number;
}

type TextUnit = Extract<BodyUnit, { text: string }>;

function readBody(lines: Line[], context: BodyContext): { units: BodyUnit[]; warnings: ParseWarning[] } {
  const units: BodyUnit[] = [];
  const warnings: ParseWarning[] = [];
  let open: TextUnit | null = null;
  let gap = false;
  // Blank lines around a dropped page number are a page break, not a paragraph break.
  let pageBreak = false;
  lines.forEach(({ cls, no }, i) => {
    if (context.noise.has(context.offset + i)) {
      gap = false;
      pageBreak = true;
      return;
    }
    if (cls.kind === 'blank' || cls.kind === 'marker') {
      if (!pageBreak) gap = true;
      return;
    }
    pageBreak = false;
    switch (cls.kind) {
      case 'otherHeading':
        if (!isRepeatOf(cls.text, context.title)) {
          warnings.push({ line: no, code: 'unrecognized_heading', message: '无法识别的标题（不是编、章、节）', text: cls.text });
        }
        open = null;
        return;
      case 'heading':
        units.push({ kind: 'heading', line: no, level: cls.level, number: cls.number, title: cls.title });
        open = null;
        return;
      case 'article':
      case 'item':
      case 'subitem': {
        const unit: TextUnit = { ...cls, line: no };
        units.push(unit);
        open = unit;
        gap = false;
        return;
      }
      case 'text': {
        if (isRepeatOf(cls.text, context.title)) return;
        if (open && continues(open, gap, cls.indented && context.format === 'txt')) {
          open.text = joinWrapped(open.text, cls.text);
        } else {
          const unit: TextUnit = { kind: 'text', line: no, text: cls.text };
          units.push(unit);
          open = unit;
        }
        gap = false;
      }
    }
  });
  return { units, warnings };
}

function continues(open: TextUnit, gap: boolean, indented: boolean): boolean {
  // A label alone on its line (第一条, （一）, 1.: a PDF or Word export often breaks after it)
  // takes the next line as its text.
  if (open.text === '') return true;
  return !gap && !indented && !endsSentence(open.text);
}

function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text.replace(CLOSERS, '').slice(-1));
}

function joinWrapped(a: string, b: string): string {
  return /[A-Za-z]$/.test(a) && /^[A-Za-z]/.test(b) ? `${a} ${b}` : a + b;
}
