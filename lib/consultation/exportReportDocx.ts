import { AlignmentType, LineRuleType, Paragraph, TextRun } from 'docx';
import { chineseDate, todayInChina } from '@/lib/shared';
import { packDocx } from '@/lib/documents';
import type { ConsultationReport, ReportHandling } from './getConsultationReport';
import type { Disposition, RejectReason } from './types';

/// A run of report text, bold or not.
export interface ReportRun {
  text: string;
  bold?: boolean;
}

/// A paragraph of the 征求意见情况通报 as both the Word and the PDF export set it: the title, a
/// centred note under it, body text (first line indented two characters), an article's heading
/// line, or a quoted comment (indented as a block).
export interface ReportBlock {
  kind: 'title' | 'note' | 'text' | 'heading' | 'quote';
  runs: ReportRun[];
}

const dispositionWords: Record<Disposition, string> = { adopted: '采纳', partly_adopted: '部分采纳', not_adopted: '未采纳', absorbed: '已吸收' };
const rejectWords: Record<RejectReason, string> = {
  off_topic: '与草案无关',
  abusive: '含有辱骂或攻击性内容',
  personal_data: '含有个人信息',
  spam: '属于广告或垃圾信息',
};

/// 《杭州市法律援助条例（草案）》 whether or not the stored title already has the book-title marks.
function bookTitle(title: string): string {
  return `《${title.trim().replace(/^《/, '').replace(/》$/, '')}》`;
}

function handlingText(handling: ReportHandling): string {
  const parts = (Object.entries(handling.counts) as [Disposition, number][]).filter(([, n]) => n > 0).map(([d, n]) => `${dispositionWords[d]}${n}条`);
  if (handling.undecided > 0) parts.push(`尚在研究处理${handling.undecided}条`);
  return parts.length > 0 ? `${parts.join('，')}。` : '无。';
}

function quoted(text: string, prefix: string, suffix: string): ReportBlock[] {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  return lines.map((line, i) => ({
    kind: 'quote',
    runs: [{ text: `${i === 0 ? prefix : ''}${line}${i === lines.length - 1 ? suffix : ''}` }],
  }));
}

/// The report's paragraphs, in order, in Chinese: title, publication note, the figures (people,
/// comments, those not published by reason), the summary, then per article its published
/// comments (a campaign once, with its size) and how they were handled, with the reasons.
export function reportBlocks(report: ConsultationReport): ReportBlock[] {
  const name = bookTitle(report.title);
  const { comments } = report;
  const blocks: ReportBlock[] = [
    // Two runs, so that a title too long for one line breaks between the name and the rest.
    { kind: 'title', runs: [{ text: name }, { text: '征求意见情况通报' }] },
    {
      kind: 'note',
      runs: [{ text: report.publishedAt ? `（${chineseDate(todayInChina(new Date(report.publishedAt)))}发布）` : '（未公布稿）' }],
    },
  ];
  let figures =
    `${name}于${chineseDate(report.opensOn)}至${chineseDate(report.closesOn)}向社会公开征求意见，` +
    `共有${report.people}人提出意见${comments.received}条，其中公开发布${comments.published}条。`;
  const withheld = (Object.entries(comments.rejectedByReason) as [RejectReason, number][]).filter(([, n]) => n > 0);
  if (withheld.length === 1) figures += `另有${comments.rejected}条意见因${rejectWords[withheld[0][0]]}未予公开。`;
  if (withheld.length > 1) {
    figures += `另有${comments.rejected}条意见未予公开，其中${withheld.map(([r, n]) => `${rejectWords[r]}${n}条`).join('、')}。`;
  }
  if (comments.pending > 0) figures += `${comments.pending}条意见尚未审核。`;
  blocks.push({ kind: 'text', runs: [{ text: figures }] });
  if (comments.published > 0) {
    blocks.push({ kind: 'text', runs: [{ text: `对公开发布的意见，${handlingText(report.handling)}` }] });
  }
  for (const line of (report.summary ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
    blocks.push({ kind: 'text', runs: [{ text: line }] });
  }
  if (report.sections.length === 0) blocks.push({ kind: 'text', runs: [{ text: '本次征求意见没有公开发布的意见。' }] });

  for (const section of report.sections) {
    blocks.push({ kind: 'heading', runs: [{ text: section.label, bold: true }, { text: `\u3000意见${section.commentCount}条` }] });
    section.entries.forEach((entry, i) => {
      const size = entry.groupSize > 1 ? `（同类意见${entry.groupSize}条）` : '';
      blocks.push(...quoted(entry.body, `${i + 1}. “`, `”${size}`));
      if (entry.proposedText) blocks.push(...quoted(entry.proposedText, '建议修改为：“', '”'));
    });
    blocks.push({ kind: 'text', runs: [{ text: '处理情况：', bold: true }, { text: handlingText(section.handling) }] });
    for (const r of section.reasons) {
      if (!r.reason.trim()) continue;
      blocks.push({ kind: 'text', runs: [{ text: `${dispositionWords[r.disposition]}${r.count > 1 ? `（${r.count}条）` : ''}：` }, { text: r.reason.trim() }] });
    }
  }
  return blocks;
}

/// Body text in 三号 (16 pt) on a fixed 28 pt line, as in printed official documents.
const body = { size: 32, spacing: { line: 560, lineRule: LineRuleType.EXACT }, indent: { firstLineChars: 200, firstLine: 640 } };

function paragraph(block: ReportBlock): Paragraph {
  const runs = block.runs.map((r) => new TextRun({ text: r.text, bold: r.bold || block.kind === 'title', ...(block.kind === 'title' ? { size: 44 } : {}) }));
  switch (block.kind) {
    case 'title':
      return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: runs });
    case 'note':
      return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 480 }, children: runs });
    case 'heading':
      return new Paragraph({ keepNext: true, spacing: { ...body.spacing, before: 280 }, indent: body.indent, children: runs });
    case 'quote':
      return new Paragraph({ alignment: AlignmentType.BOTH, spacing: body.spacing, indent: { left: 640 }, children: runs });
    case 'text':
      return new Paragraph({ alignment: AlignmentType.BOTH, spacing: body.spacing, indent: body.indent, children: runs });
  }
}

/// The 征求意见情况通报 as a Word document: portrait A4, the title 《…》征求意见情况通报 centred in
/// bold, the figures and the summary, then one part per article (its label in bold, the number
/// of comments, the comments quoted and a 处理情况 line with the reasons), with page numbers.
export async function exportReportDocx(report: ConsultationReport, generatedAt?: Date): Promise<Uint8Array> {
  const blocks = reportBlocks(report);
  const title = blocks[0].runs.map((r) => r.text).join('');
  return packDocx({ title, landscape: false, fontSize: body.size, createdAt: generatedAt, children: blocks.map(paragraph) });
}
