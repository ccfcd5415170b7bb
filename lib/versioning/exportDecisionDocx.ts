import { AlignmentType, LineRuleType, Paragraph, TextRun } from 'docx';
import type { AmendmentDecision } from '@/lib/legal-text';
import { packDocx } from '@/lib/documents';

/// Body text in 三号 (16 pt) on a fixed 28 pt line, as in printed official documents.
const body = { size: 32, spacing: { line: 560, lineRule: LineRuleType.EXACT }, indent: { firstLineChars: 200, firstLine: 640 } };

function bodyParagraphs(text: string): Paragraph[] {
  return text.split('\n').map((part) => new Paragraph({ alignment: AlignmentType.BOTH, spacing: body.spacing, indent: body.indent, children: [new TextRun(part)] }));
}

/// The 修改决定 as a Word document: portrait A4, the title centred in bold, then the preamble,
/// each numbered clause and each closing clause (when there are any) as paragraphs indented two
/// characters, with page numbers in the footer.
export async function exportDecisionDocx(decision: AmendmentDecision): Promise<Uint8Array> {
  const title = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 560 },
    children: [new TextRun({ text: decision.title, bold: true, size: 44 })],
  });
  const paragraphs = [decision.preamble, ...decision.clauses, ...(decision.closing ? [decision.closing] : [])].flatMap(bodyParagraphs);
  return packDocx({ title: decision.title, landscape: false, fontSize: body.size, children: [title, ...paragraphs] });
}
