import type { TextComparison } from '@/lib/legal-text';
import { sideBySide, tableRows, type MarkedSide } from '@/lib/legal-text';
import { drawFooters, drawLine, drawText, openCjkPdf, type PdfDoc as Doc } from '@/lib/documents';
import type { ComparisonExportOptions } from './comparisonStyle';
import { layoutCjkLines, type SetLine, type SetRun } from '@/lib/documents';

/// Page geometry in points: landscape A4, text 11 pt on a 19.5 pt line.
const page = { width: 841.89, height: 595.28, top: 50, bottom: 58, side: 50 };
const size = { text: 11, title: 18, footer: 9, line: 19.5, padX: 8, padY: 5 };
const colWidth = (page.width - 2 * page.side) / 2;
const rule = '#555555';

function sideParagraphs(side: MarkedSide): SetRun[][] {
  const [first = [], ...rest] = side.lines;
  return [[{ text: side.label, bold: true }, { text: '\u3000' }, ...first], ...rest];
}

function setSide(doc: Doc, side: MarkedSide | null, widths: Map<string, number>): SetLine[] {
  if (!side) return [];
  const measure = (text: string) => widths.get(text) ?? widths.set(text, doc.widthOfString(text)).get(text)!;
  const width = colWidth - 2 * size.padX;
  return sideParagraphs(side).flatMap((runs) => layoutCjkLines(runs, { width, firstIndent: 2 * size.text, maxSpacing: size.text / 2, measure }));
}



function drawCells(doc: Doc, top: number, height: number, cells: SetLine[][]) {
  const baseline0 = top + size.padY + (size.line - size.text) / 2 + 0.88 * size.text;
  cells.forEach((lines, col) => {
    lines.forEach((line, i) => drawLine(doc, line, page.side + col * colWidth + size.padX, baseline0 + i * size.line));
  });
  doc.save().lineWidth(0.5).strokeColor(rule);
  doc.rect(page.side, top, 2 * colWidth, height).stroke();
  doc.moveTo(page.side + colWidth, top).lineTo(page.side + colWidth, top + height).stroke().restore();
}

function drawHeader(doc: Doc, top: number, options: ComparisonExportOptions): number {
  const height = size.line + 2 * size.padY;
  doc.save().rect(page.side, top, 2 * colWidth, height).fill('#EFEFEF').restore();
  [options.beforeHeading, options.afterHeading].forEach((heading, col) => {
    const x = page.side + col * colWidth + (colWidth - doc.widthOfString(heading)) / 2;
    drawText(doc, heading, x, top + size.padY + (size.line - size.text) / 2 + 0.88 * size.text, { bold: true });
  });
  drawCells(doc, top, height, []);
  return top + height;
}


/// The 修改对照表 as a PDF: landscape A4, the title centred on the first page, a two-column
/// table (old | new) whose header row repeats on every page and whose rows continue on the next
/// page when an article is long, removed text struck through and added text underlined (both
/// coloured), and 第 X 页　共 Y 页 at the foot of each page. The CJK font found by `findCjkFont`
/// is embedded as a subset with a ToUnicode map, so the text can be searched and copied.
export async function exportComparisonPdf(comparison: TextComparison, options: ComparisonExportOptions): Promise<Uint8Array> {
  const { doc, finished } = openCjkPdf({ landscape: true, title: options.title, generatedAt: options.generatedAt });

  doc.fontSize(size.title);
  drawText(doc, options.title, (page.width - doc.widthOfString(options.title)) / 2, page.top + size.title, { bold: true });
  doc.fontSize(size.text);
  let y = drawHeader(doc, page.top + 2.2 * size.title, options);
  const limit = page.height - page.bottom;
  const widths = new Map<string, number>();

  for (const row of tableRows(comparison.articles, options.all)) {
    const { before, after } = sideBySide(row);
    const cells = [setSide(doc, before, widths), setSide(doc, after, widths)];
    const total = Math.max(1, ...cells.map((c) => c.length));
    for (let done = 0; done < total; ) {
      const fit = Math.floor((limit - y - 2 * size.padY) / size.line);
      if (fit < Math.min(2, total - done)) {
        doc.addPage({ size: 'A4', layout: 'landscape', margin: 0 }).font('cjk').fontSize(size.text);
        y = drawHeader(doc, page.top, options);
        continue;
      }
      const take = Math.min(fit, total - done);
      const height = take * size.line + 2 * size.padY;
      drawCells(doc, y, height, cells.map((c) => c.slice(done, done + take)));
      y += height;
      done += take;
    }
  }
  drawFooters(doc);
  doc.end();
  return finished;
}
