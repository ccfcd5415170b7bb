import {
  AlignmentType, BorderStyle, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, UnderlineType,
  VerticalAlignTable, WidthType,
} from 'docx';
import type { TextComparison } from '@/lib/legal-text';
import { sideBySide, tableRows, type MarkedRun, type MarkedSide } from '@/lib/legal-text';
import { markColours } from '@/lib/documents';
import type { ComparisonExportOptions } from './comparisonStyle';
import { packDocx } from '@/lib/documents';

/// Width of each column in twips: landscape A4 less 2 cm margins, halved.
const column = 7285;
const rule = { style: BorderStyle.SINGLE, size: 4, color: '404040' };
const body = { line: 360, indent: { firstLineChars: 200, firstLine: 480 } };

function markedRun(run: MarkedRun): TextRun {
  if (run.mark === 'delete') return new TextRun({ text: run.text, strike: true, color: markColours.delete });
  if (run.mark === 'insert') {
    return new TextRun({ text: run.text, underline: { type: UnderlineType.SINGLE, color: markColours.insert }, color: markColours.insert });
  }
  return new TextRun(run.text);
}

function line(children: TextRun[]): Paragraph {
  return new Paragraph({ children, alignment: AlignmentType.BOTH, indent: body.indent, spacing: { line: body.line } });
}

function sideParagraphs(side: MarkedSide | null): Paragraph[] {
  if (!side) return [new Paragraph({})];
  const [first = [], ...rest] = side.lines;
  return [
    line([new TextRun({ text: side.label, bold: true }), new TextRun('\u3000'), ...first.map(markedRun)]),
    ...rest.map((runs) => line(runs.map(markedRun))),
  ];
}

function cell(children: Paragraph[], shaded = false): TableCell {
  return new TableCell({
    children,
    width: { size: column, type: WidthType.DXA },
    margins: { top: 80, bottom: 80, left: 120, right: 120 },
    verticalAlign: shaded ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
    ...(shaded ? { shading: { type: ShadingType.CLEAR, fill: 'EFEFEF', color: 'auto' } } : {}),
  });
}

function headingCell(text: string): TableCell {
  return cell([new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold: true })] })], true);
}

/// The 修改对照表 as a Word document: landscape A4, the title centred, then a two-column table
/// (old | new, the header row repeated on each page) with one row per `tableRows` row. Each
/// side opens with its article label in bold and sets each 款, 项 and 目 as its own paragraph;
/// removed text is struck through and added text underlined, both also coloured. A side is an
/// empty cell when the article is absent from that text.
export async function exportComparisonDocx(comparison: TextComparison, options: ComparisonExportOptions): Promise<Uint8Array> {
  const rows = tableRows(comparison.articles, options.all).map((row) => {
    const { before, after } = sideBySide(row);
    return new TableRow({ children: [cell(sideParagraphs(before)), cell(sideParagraphs(after))] });
  });
  const table = new Table({
    width: { size: 2 * column, type: WidthType.DXA },
    columnWidths: [column, column],
    layout: TableLayoutType.FIXED,
    borders: { top: rule, bottom: rule, left: rule, right: rule, insideHorizontal: rule, insideVertical: rule },
    rows: [new TableRow({ tableHeader: true, children: [headingCell(options.beforeHeading), headingCell(options.afterHeading)] }), ...rows],
  });
  const title = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 360 },
    children: [new TextRun({ text: options.title, bold: true, size: 36 })],
  });
  return packDocx({ title: options.title, landscape: true, fontSize: 24, createdAt: options.generatedAt, children: [title, table] });
}
