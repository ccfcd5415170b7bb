import { drawFooters, drawLine, openCjkPdf } from '@/lib/documents';
import { layoutCjkLines } from '@/lib/documents';
import { reportBlocks, type ReportBlock } from './exportReportDocx';
import type { ConsultationReport } from './getConsultationReport';

/// Page geometry in points: portrait A4 with margins near GB/T 9704's (37 mm top, 28 mm left).
const page = { width: 595.28, height: 841.89, top: 96, bottom: 84, left: 78, right: 74 };
const measure = page.width - page.left - page.right;

/// Type size and line pitch of each kind of block, and the space above it.
const setting: Record<ReportBlock['kind'], { size: number; line: number; before: number }> = {
  title: { size: 20, line: 32, before: 0 },
  note: { size: 12, line: 22, before: 0 },
  text: { size: 14, line: 26, before: 0 },
  heading: { size: 14, line: 26, before: 12 },
  quote: { size: 14, line: 26, before: 0 },
};


/// The 征求意见情况通报 as a PDF: portrait A4, the same paragraphs as the Word export (title
/// centred, articles' labels in bold, comments quoted as indented blocks), Chinese lines broken
/// by `layoutCjkLines`, no heading and no single line of a paragraph left alone at a page break,
/// 第 X 页　共 Y 页 at the foot of each page, and the CJK font embedded as a subset so the text
/// can be searched and copied.
export async function exportReportPdf(report: ConsultationReport, generatedAt?: Date): Promise<Uint8Array> {
  const blocks = reportBlocks(report);
  const { doc, finished } = openCjkPdf({ title: blocks[0].runs.map((r) => r.text).join(''), generatedAt });
  const newPage = () => doc.addPage({ size: 'A4', margin: 0 }).font('cjk');

  let y = page.top;
  const limit = page.height - page.bottom;
  for (const block of blocks) {
    const { size, line, before } = setting[block.kind];
    doc.fontSize(size);
    const quote = block.kind === 'quote';
    const centred = block.kind === 'title' || block.kind === 'note';
    const runs = block.runs.map((r) => ({ text: r.text, ...(r.bold || block.kind === 'title' ? { bold: true } : {}) }));
    const layout = { width: measure - (quote ? 2 * size : 0), firstIndent: centred || quote ? 0 : 2 * size, maxSpacing: centred ? 0 : size / 2, measure: (text: string) => doc.widthOfString(text) };
    // A title too long for one line breaks between its runs (the name, then 征求意见情况通报), not mid-word.
    const whole = layoutCjkLines(runs, layout);
    const lines = block.kind === 'title' && whole.length > 1 ? runs.flatMap((run) => layoutCjkLines([run], layout)) : whole;
    if (y > page.top) y += before;
    // A heading keeps two lines of what follows on its page.
    if (block.kind === 'heading' && y + 3 * line > limit) {
      newPage().fontSize(size);
      y = page.top;
    }
    for (let i = 0; i < lines.length; ) {
      const left = lines.length - i;
      let take = Math.min(Math.floor((limit - y) / line), left);
      // No single first line at the foot of a page, no single last line at the head of the next.
      if (take < left && take === 1 && y > page.top) take = 0;
      else if (take < left && left - take === 1 && take > 2) take--;
      for (const set of lines.slice(i, i + take)) {
        const width = set.pieces.reduce((w, p) => w + p.width, 0);
        const x = centred ? page.left + (measure - width) / 2 : page.left + (quote ? 2 * size : 0);
        drawLine(doc, set, x, y + (line - size) / 2 + 0.88 * size);
        y += line;
      }
      i += take;
      if (i < lines.length) {
        newPage().fontSize(size);
        y = page.top;
      }
    }
    if (block.kind === 'title') y += 4;
  }
  drawFooters(doc);
  doc.end();
  return finished;
}
