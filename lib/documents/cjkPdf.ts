import PDFDocument from 'pdfkit';
import { findCjkFont } from './cjkFont';
import { markColours } from './markColours';
import type { SetLine } from './layoutCjkLines';

/// A pdfkit document as the Lawbench PDFs draw on it.
export type PdfDoc = InstanceType<typeof PDFDocument>;

const ink = '#1A1A1A';
/// Size of the text that `drawLine` strikes through or underlines (the tables' body size).
const markedTextSize = 11;
const footerSize = 9;

/// Starts an A4 PDF (landscape on request) with the CJK font of `findCjkFont` registered as `cjk`
/// and embedded as a subset, pages buffered so footers can be added last, and the first page
/// added. `finished` resolves to the bytes once the caller ends the document.
export function openCjkPdf(opts: { landscape?: boolean; title: string; generatedAt?: Date }): { doc: PdfDoc; finished: Promise<Uint8Array> } {
  const font = findCjkFont();
  const layout = opts.landscape ? 'landscape' : 'portrait';
  const doc = new PDFDocument({
    size: 'A4', layout, margin: 0, bufferPages: true, autoFirstPage: false, lang: 'zh-CN', displayTitle: true,
    // No standard font: pdfkit would read its Helvetica metrics from disk, and the text is all CJK.
    font: '',
    info: { Title: opts.title, Creator: 'Lawbench', CreationDate: opts.generatedAt ?? new Date() },
  });
  const chunks: Uint8Array[] = [];
  doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
  const finished = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', font.path, font.family);
  doc.addPage({ size: 'A4', layout, margin: 0 }).font('cjk');
  return { doc, finished };
}

/// Sets one run of text at a baseline; bold is drawn by stroking the outline too (the embedded
/// font has no bold face). Shared by the PDF exports.
export function drawText(doc: PdfDoc, text: string, x: number, y: number, opts: { bold?: boolean; color?: string; spacing?: number } = {}) {
  const color = opts.color ?? ink;
  doc.fillColor(color).strokeColor(color).lineWidth(0.3);
  doc.text(text, x, y, { lineBreak: false, baseline: 'alphabetic', characterSpacing: opts.spacing ?? 0, fill: true, stroke: !!opts.bold });
}

/// Draws one line set by `layoutCjkLines` from `left` on `baseline`, justified by its letter
/// spacing, with deleted and inserted text coloured and struck through or underlined.
export function drawLine(doc: PdfDoc, line: SetLine, left: number, baseline: number) {
  let x = left + line.indent;
  for (const piece of line.pieces) {
    const span = piece.width + line.spacing * (piece.text.length - 1);
    const color = piece.mark ? `#${markColours[piece.mark]}` : ink;
    drawText(doc, piece.text, x, baseline, { bold: piece.bold, color, spacing: line.spacing });
    if (piece.mark) {
      const y = piece.mark === 'delete' ? baseline - 0.34 * markedTextSize : baseline + 0.17 * markedTextSize;
      doc.save().moveTo(x, y).lineTo(x + span, y).lineWidth(0.7).strokeColor(color).stroke().restore();
    }
    x += span + line.spacing;
  }
}

/// Writes 第 X 页　共 Y 页 centred at the foot of every buffered page (call it last).
export function drawFooters(doc: PdfDoc) {
  const { start, count } = doc.bufferedPageRange();
  doc.fontSize(footerSize);
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const label = `第 ${i - start + 1} 页　共 ${count} 页`;
    drawText(doc, label, (doc.page.width - doc.widthOfString(label)) / 2, doc.page.height - 30, { color: '#333333' });
  }
}
