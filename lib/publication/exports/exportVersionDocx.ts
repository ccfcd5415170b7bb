import { AlignmentType, HeadingLevel, LineRuleType, Paragraph, TextRun, type IParagraphOptions } from 'docx';
import type { ArticleJson, ItemJson, OutlineEntry, ParseJson, SubitemJson } from '@/lib/legal-text';
import { packDocx } from '@/lib/documents';
import type { ExportableVersion, PromulgationNotice } from './exportModel';

/// One block of a version as printed, in reading order; the Word and the PDF export set the same
/// blocks. `depth` of a heading (and of its 目录 line) is its level among the kinds the text has:
/// 0 for the largest (编, or 章 when there are no parts). A `list` block is an item (项) or a
/// sub-item (目): `indent` is where its label starts, in characters from the left margin.
/// `newPage` starts the block on a new page.
export type VersionBlock = (
  | { kind: 'noticeTitle' | 'noticeNumber' | 'noticeText' | 'title' | 'info' | 'tocTitle'; text: string }
  | { kind: 'noticeSign'; lines: string[] }
  | { kind: 'toc' | 'heading'; depth: number; text: string }
  | { kind: 'article'; label: string; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; label: string; text: string; indent: number }
) & { newPage?: true };

const fullSpace = '\u3000';

/// The blocks of a printed version: the 公告 alone on the first page (when given), the title and
/// its 题注, the 目录 when the text has parts or chapters (the body then starting on a new page),
/// then the body — each heading before the first article it opens, each article as its first 款
/// after the label, its further 款, and their items and sub-items.
export function versionBlocks(v: ExportableVersion): VersionBlock[] {
  const toc = tocBlocks(v.text.outline);
  const [first, ...rest] = bodyBlocks(v.text);
  return [
    ...(v.notice ? noticeBlocks(v.notice) : []),
    { kind: 'title', text: printedTitle(v), ...(v.notice ? { newPage: true } : {}) },
    ...v.version.infoLines.map((text): VersionBlock => ({ kind: 'info', text })),
    ...toc,
    ...(first ? [{ ...first, ...(toc.length > 0 ? { newPage: true } : {}) } as VersionBlock] : []),
    ...rest,
  ];
}

/// The title as the version's text gives it (the work's title when the text has none).
export function printedTitle(v: ExportableVersion): string {
  return v.text.title || v.regulation.title;
}

/// The 公告 split into its printed parts: the title line, 第N号 (written from `number` when the
/// text lacks it), the body lines, and the closing lines naming the body and the date.
function noticeBlocks(notice: PromulgationNotice): VersionBlock[] {
  const [title = '', ...rest] = notice.text.split('\n').map((line) => line.trim()).filter(Boolean);
  const numberLine = rest.length > 0 && /^第.+号$/.test(rest[0]) ? rest.shift()! : `第${notice.number}号`;
  let signAt = rest.length;
  while (signAt > 0 && isSignLine(rest[signAt - 1], notice.body)) signAt--;
  return [
    { kind: 'noticeTitle', text: title },
    { kind: 'noticeNumber', text: numberLine },
    ...rest.slice(0, signAt).map((text): VersionBlock => ({ kind: 'noticeText', text })),
    ...(signAt < rest.length ? [{ kind: 'noticeSign', lines: rest.slice(signAt) } as const] : []),
  ];
}

/// A closing line of a notice: the issuing body's name or a date (2017年10月10日, 二〇一七年十月十日).
function isSignLine(line: string, body: string): boolean {
  return line === body || /^\S{4}年\S{1,2}月\S{1,3}日$/.test(line);
}

function tocBlocks(outline: OutlineEntry[]): VersionBlock[] {
  if (!outline.some((o) => o.kind === 'part' || o.kind === 'chapter')) return [];
  const depth = headingDepth(outline);
  return [{ kind: 'tocTitle', text: `目${fullSpace}${fullSpace}录` }, ...outline.map((o): VersionBlock => ({ kind: 'toc', depth: depth(o), text: headingText(o) }))];
}

/// 第一章　总则, or the bare label when the heading has no words.
function headingText(o: OutlineEntry): string {
  return o.heading ? `${o.label}${fullSpace}${o.heading}` : o.label;
}

/// The level of each kind of heading among those the outline has: 编 above 章 above 节.
function headingDepth(outline: OutlineEntry[]): (o: OutlineEntry) => number {
  const parts = outline.some((o) => o.kind === 'part') ? 1 : 0;
  const chapters = outline.some((o) => o.kind === 'chapter') ? 1 : 0;
  return (o) => (o.kind === 'part' ? 0 : o.kind === 'chapter' ? parts : parts + chapters);
}

function bodyBlocks(text: ParseJson): VersionBlock[] {
  const depth = headingDepth(text.outline);
  const heading = (o: OutlineEntry): VersionBlock => ({ kind: 'heading', depth: depth(o), text: headingText(o) });
  const pending = [...text.outline];
  const blocks: VersionBlock[] = [];
  for (const article of text.articles) {
    while (pending.length > 0 && comesBefore(pending[0], article)) blocks.push(heading(pending.shift()!));
    blocks.push(...articleBlocks(article));
  }
  return [...blocks, ...pending.map(heading)];
}

/// Whether a heading stands before an article in the text: its place (part, chapter, section)
/// is at or before the article's. Compared by those numbers rather than by the heading's first
/// article number, which a chapter opening with 第十二条之一 shares with 第十二条.
function comesBefore(o: OutlineEntry, a: ArticleJson): boolean {
  const place = o.kind === 'part' ? [o.number, 0, 0] : o.kind === 'chapter' ? [o.part ?? 0, o.number, 0] : [o.part ?? 0, o.chapter ?? 0, o.number];
  const at = [a.part ?? 0, a.chapter ?? 0, a.section ?? 0];
  const differs = place.findIndex((n, i) => n !== at[i]);
  return differs < 0 || place[differs] < at[differs];
}

function articleBlocks(article: ArticleJson): VersionBlock[] {
  if (article.paragraphs.length === 0) return [{ kind: 'article', label: article.label, text: '' }];
  return article.paragraphs.flatMap((p, i) => [
    i === 0 ? { kind: 'article', label: article.label, text: p.text } as const : { kind: 'paragraph', text: p.text } as const,
    ...subitemBlocks(p.subitems, 2),
    ...p.items.flatMap((item) => itemBlocks(item, 2)),
  ]);
}

function itemBlocks(item: ItemJson | SubitemJson, indent: number): VersionBlock[] {
  return [{ kind: 'list', label: item.label, text: item.text, indent }, ...subitemBlocks(item.subitems, indent + labelChars(item.label))];
}

function subitemBlocks(subitems: SubitemJson[], indent: number): VersionBlock[] {
  return subitems.flatMap((s) => itemBlocks(s, indent));
}

/// How many full-width characters a label takes: （三） three, 2. one.
function labelChars(label: string): number {
  return [...label].reduce((n, ch) => n + (/[\u0000-\u00ff]/.test(ch) ? 0.5 : 1), 0);
}

/// Word: body text in 三号 (16 pt, 32 half-points) on a fixed 28 pt line; one character is 320 twips.
const size = { title: 44, info: 28, body: 32 };
const char = 320;
const fixedLine = { line: 560, lineRule: LineRuleType.EXACT };
const headingStyles = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;

/// A run of text; `heading` sets it in black, as the default heading and title styles colour
/// their text blue.
function run(text: string, opts: { bold?: boolean; size?: number; heading?: boolean } = {}): TextRun {
  return new TextRun({ text, ...(opts.heading ? { color: '000000' } : {}), ...(opts.bold ? { bold: true } : {}), ...(opts.size ? { size: opts.size } : {}) });
}

function centred(text: string, opts: { bold?: boolean; size: number; before?: number; after?: number; heading?: boolean }): IParagraphOptions {
  return { alignment: AlignmentType.CENTER, spacing: { before: opts.before ?? 0, after: opts.after ?? 0 }, children: [run(text, opts)] };
}

function bodyParagraph(children: TextRun[]): IParagraphOptions {
  return { alignment: AlignmentType.BOTH, spacing: fixedLine, indent: { firstLineChars: 200, firstLine: 2 * char }, children };
}

/// A heading as a real Word heading (Heading 1–3, so the navigation pane and a TOC field find
/// it), with its outline level on the paragraph too for readers whose heading styles lack one.
function headingParagraph(text: string, depth: number): IParagraphOptions {
  return {
    heading: headingStyles[Math.min(depth, headingStyles.length - 1)],
    outlineLevel: depth,
    alignment: AlignmentType.CENTER,
    keepNext: true,
    spacing: { ...fixedLine, before: 280, after: 280 },
    children: [run(text, { bold: true, size: size.body, heading: true })],
  };
}

/// An item or sub-item hanging from its label: the text's further lines align with its first word.
function listParagraph(block: Extract<VersionBlock, { kind: 'list' }>): IParagraphOptions {
  const hang = Math.round(labelChars(block.label) * char);
  return {
    alignment: AlignmentType.BOTH,
    spacing: fixedLine,
    indent: { left: Math.round(block.indent * char) + hang, hanging: hang },
    children: [run(block.label), run(block.text)],
  };
}

function signParagraph(line: string, first: boolean): IParagraphOptions {
  return { alignment: AlignmentType.RIGHT, indent: { right: 2 * char }, spacing: { ...fixedLine, before: first ? 560 : 0 }, children: [run(line)] };
}

function paragraphOptions(block: VersionBlock): IParagraphOptions[] {
  switch (block.kind) {
    case 'noticeTitle':
      return [centred(block.text, { bold: true, size: size.title, after: 280 })];
    case 'noticeNumber':
      return [centred(block.text, { size: size.body, after: 560 })];
    case 'noticeText':
    case 'paragraph':
      return [bodyParagraph([run(block.text)])];
    case 'noticeSign':
      return block.lines.map((line, i) => signParagraph(line, i === 0));
    case 'title':
      return [{ ...centred(block.text, { bold: true, size: size.title, after: 280, heading: true }), heading: HeadingLevel.TITLE }];
    case 'info':
      return [centred(block.text, { size: size.info })];
    case 'tocTitle':
      return [centred(block.text, { bold: true, size: size.body, before: 560, after: 280 })];
    case 'toc':
      return [{ spacing: fixedLine, indent: { left: 2 * (block.depth + 1) * char }, children: [run(block.text)] }];
    case 'heading':
      return [headingParagraph(block.text, block.depth)];
    case 'article':
      return [bodyParagraph([run(block.label, { bold: true }), run(`${fullSpace}${block.text}`)])];
    case 'list':
      return [listParagraph(block)];
  }
}

/// The Word paragraphs of a block, the first starting a new page when the block does.
function docxParagraphs(block: VersionBlock): Paragraph[] {
  return paragraphOptions(block).map((options, i) => new Paragraph(i === 0 && block.newPage ? { ...options, pageBreakBefore: true } : options));
}

/// One published version as a Word document laid out as the official printed text: portrait A4,
/// the 公告 first (on its own page) when there is one, the title (Title style) with its 题注
/// centred, a 目录 when the text has chapters, then the body with 编/章/节 as real headings
/// (Heading 1–3 by level, so Word's navigation pane lists them), each article's label in bold
/// before its first 款, further 款 indented two characters, items and sub-items hanging from
/// their labels, and page numbers in the footer.
export async function exportVersionDocx(v: ExportableVersion): Promise<Uint8Array> {
  const children = versionBlocks(v).flatMap(docxParagraphs);
  return packDocx({ title: printedTitle(v), landscape: false, fontSize: size.body, children });
}
