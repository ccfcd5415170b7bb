import { drawFooters, drawLine, openCjkPdf, pageFlow, portraitA4 as page } from '@/lib/documents';
import { layoutCjkLines } from '@/lib/documents';
import { reportBlocks, type ReportBlock } from './exportReportDocx';
import type { ConsultationReport } from './getConsultationReport';

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
  const flow = pageFlow(doc, page);
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
    flow.space(before);
    // A heading keeps two lines of what follows on its page.
    if (block.kind === 'heading') flow.keep(3 * line);
    flow.lines(lines.length, line, (i, top) => {
      const width = lines[i].pieces.reduce((w, p) => w + p.width, 0);
      const x = centred ? page.left + (measure - width) / 2 : page.left + (quote ? 2 * size : 0);
      drawLine(doc, lines[i], x, top + (line - size) / 2 + 0.88 * size);
    });
    if (block.kind === 'title') flow.space(4);
  }
  drawFooters(doc);
  doc.end();
  return finished;
}
