import { drawFooters, drawLine, layoutCjkLines, openCjkPdf, pageFlow, portraitA4 as page, type PdfDoc, type SetLine, type SetRun } from '@/lib/documents';
import type { ExportableVersion } from './exportModel';
import { printedTitle, versionBlocks, type VersionBlock } from './exportVersionDocx';

const measure = page.width - page.left - page.right;

/// How a block's lines sit in the measure: centred, flush right (with two characters to spare),
/// flush left unjustified, or justified.
type Align = 'centre' | 'right' | 'left' | 'justify';

interface Setting {
  size: number;
  pitch: number;
  before: number;
  after: number;
  align: Align;
  bold?: boolean;
}

/// Type size and line pitch (points) of each kind of block, the space around it, how it is
/// aligned and whether it is bold: body text in 三号 (16 pt) on a 28 pt line, as printed texts.
const body: Setting = { size: 16, pitch: 28, before: 0, after: 0, align: 'justify' };
const setting: Record<VersionBlock['kind'], Setting> = {
  noticeTitle: { size: 22, pitch: 36, before: 0, after: 4, align: 'centre', bold: true },
  noticeNumber: { ...body, after: 18, align: 'centre' },
  noticeText: body,
  noticeSign: { ...body, before: 28, align: 'right' },
  title: { size: 22, pitch: 36, before: 0, after: 6, align: 'centre', bold: true },
  info: { size: 14, pitch: 24, before: 0, after: 0, align: 'centre' },
  tocTitle: { ...body, before: 24, align: 'centre', bold: true },
  toc: { ...body, align: 'left' },
  heading: { ...body, before: 14, after: 6, align: 'centre', bold: true },
  article: body,
  paragraph: body,
  list: body,
};

/// Space between the title with its 题注 and what follows them.
const afterFrontMatter = 20;

/// Where a block's lines are set, relative to the left margin: `left` of every line, the measure
/// `width` from there, how far the first line is moved (negative for a hanging label) and the
/// most letter-spacing a justified line may take.
interface Frame {
  left: number;
  width: number;
  firstIndent: number;
  maxSpacing: number;
}

function blockRuns(block: VersionBlock, bold: boolean): SetRun[][] {
  switch (block.kind) {
    case 'noticeSign':
      return block.lines.map((text) => [{ text }]);
    case 'article':
      return [[{ text: block.label, bold: true }, { text: `\u3000${block.text}` }]];
    case 'list':
      return [[{ text: block.label }, { text: block.text }]];
    default:
      return [[{ text: block.text, ...(bold ? { bold: true } : {}) }]];
  }
}

function blockFrame(block: VersionBlock, s: Setting, width: (text: string) => number): Frame {
  if (block.kind === 'list') {
    const hang = width(block.label);
    const left = block.indent * s.size + hang;
    return { left, width: measure - left, firstIndent: -hang, maxSpacing: s.size / 2 };
  }
  if (block.kind === 'toc') {
    const left = 2 * (block.depth + 1) * s.size;
    return { left, width: measure - left, firstIndent: 0, maxSpacing: 0 };
  }
  if (s.align === 'justify') return { left: 0, width: measure, firstIndent: 2 * s.size, maxSpacing: s.size / 2 };
  return { left: 0, width: s.align === 'right' ? measure - 2 * s.size : measure, firstIndent: 0, maxSpacing: 0 };
}

/// The x at which a set line starts, by the block's alignment.
function lineStart(line: SetLine, frame: Frame, align: Align): number {
  const chars = line.pieces.reduce((n, p) => n + p.text.length, 0);
  const width = line.pieces.reduce((w, p) => w + p.width, 0) + line.spacing * Math.max(0, chars - 1);
  if (align === 'centre') return page.left + (measure - width) / 2;
  if (align === 'right') return page.left + frame.width - width;
  return page.left + frame.left;
}

/// Widths of strings at the current type size, remembered: the Chinese line setter measures
/// every character, and a long regulation has tens of thousands.
function measurer(doc: PdfDoc): (text: string, size: number) => number {
  const widths = new Map<string, number>();
  return (text, size) => {
    const key = `${size}\u0000${text}`;
    let width = widths.get(key);
    if (width === undefined) {
      width = doc.fontSize(size).widthOfString(text);
      widths.set(key, width);
    }
    return width;
  };
}

/// A line of a block, set and placed: where it starts on the page.
interface PlacedLine {
  line: SetLine;
  x: number;
}

function setBlock(block: VersionBlock, measureAt: (text: string, size: number) => number): PlacedLine[] {
  const s = setting[block.kind];
  const measure = (text: string) => measureAt(text, s.size);
  const frame = blockFrame(block, s, measure);
  const layout = { width: frame.width, firstIndent: frame.firstIndent, maxSpacing: frame.maxSpacing, measure };
  const lines = blockRuns(block, !!s.bold).flatMap((runs) => layoutCjkLines(runs, layout));
  return lines.map((line) => ({ line, x: lineStart(line, frame, s.align) }));
}

/// The blocks in the runs the page flow sets as one paragraph: each block alone, except the
/// 目录, whose heading and lines are kept together.
function flowGroups(blocks: VersionBlock[]): VersionBlock[][] {
  const groups: VersionBlock[][] = [];
  for (const block of blocks) {
    const last = groups[groups.length - 1];
    if (block.kind === 'toc' && last?.[0].kind === 'tocTitle') last.push(block);
    else groups.push([block]);
  }
  return groups;
}

function spaceBefore(block: VersionBlock, previous: VersionBlock | undefined): number {
  const frontMatterEnds = (previous?.kind === 'title' || previous?.kind === 'info') && block.kind !== 'info';
  return setting[block.kind].before + (frontMatterEnds ? afterFrontMatter : 0);
}

/// One published version as a PDF laid out as the official printed text: portrait A4, the 公告
/// alone on the first page when there is one (title and 第N号 centred, body indented two
/// characters, the issuing body and date flush right), then the title large and centred with its
/// 题注 under it, a 目录 when the text has parts or chapters, and the body — 编/章/节 headings
/// centred and kept with what follows, each article's label in bold followed by a full-width
/// space and its first 款, further 款 indented two characters, items and sub-items hanging from
/// their labels, Chinese lines broken and justified by `layoutCjkLines`. The CJK font is
/// embedded as a subset (the text can be searched and copied) and every page is numbered
/// 第 X 页　共 Y 页 at its foot.
export async function exportVersionPdf(v: ExportableVersion): Promise<Uint8Array> {
  const { doc, finished } = openCjkPdf({ title: printedTitle(v) });
  const flow = pageFlow(doc, page);
  const width = measurer(doc);
  let previous: VersionBlock | undefined;
  for (const group of flowGroups(versionBlocks(v))) {
    const [block] = group;
    const s = setting[block.kind];
    const placed = group.flatMap((b) => setBlock(b, width));
    if (block.newPage) flow.newPage();
    flow.space(spaceBefore(block, previous));
    // A heading keeps two lines of what follows on its page; a 目录 that does not fit under the
    // title starts a page of its own.
    if (block.kind === 'heading') flow.keep(placed.length * s.pitch + s.after + 2 * body.pitch);
    if (block.kind === 'tocTitle') flow.keep(placed.length * s.pitch);
    doc.fontSize(s.size);
    flow.lines(placed.length, s.pitch, (k, top) => drawLine(doc, placed[k].line, placed[k].x, top + (s.pitch - s.size) / 2 + 0.88 * s.size));
    flow.space(s.after);
    previous = group[group.length - 1];
  }
  drawFooters(doc);
  doc.end();
  return finished;
}
