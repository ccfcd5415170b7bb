import type { DeskRecord } from '@/db/schema';
import type { Engine } from '@/db/engine';
import { drawFooters, drawLine, layoutCjkLines, openCjkPdf, pageFlow, portraitA4 as page, type SetRun } from '@/lib/documents';
import { paragraphTexts, type ArticleJson } from '@/lib/legal-text';
import { readRegulation } from '@/lib/library';
import { chineseDate, todayInChina, type ReferralKind } from '@/lib/shared';

/// The desk's name on its answer sheets (`LAWBENCH_DESK_NAME`).
export function deskName(): string {
  return process.env.LAWBENCH_DESK_NAME?.trim() || '立法工作台法律援助服务台';
}

const referralWords: Record<ReferralKind, string> = { legal_aid: '向法律援助机构申请法律援助', arbitration: '申请仲裁', litigation: '向人民法院提起诉讼', mediation: '申请调解' };

/// One paragraph of the sheet: its runs, size, and how it sits.
interface Block {
  runs: SetRun[];
  size: number;
  align?: 'center' | 'right';
  indent?: number;
  before?: number;
}

/// A cited article as in force on the date it was read at (none when the text no longer holds it).
type CitedArticle = ArticleJson | undefined;

/// The blocks of an answer sheet: title, the desk and date, the question, the facts, the answer,
/// the referral, and each cited article in full under its citation string with the date of the
/// law applied; a closing note. `articles` are the cited articles, in the order of the citations.
function sheetBlocks(record: DeskRecord, articles: CitedArticle[], today: string): Block[] {
  const body = (text: string): Block[] => text.split('\n').filter(Boolean).map((line) => ({ runs: [{ text: line }], size: 12, indent: 24 }));
  const heading = (text: string): Block => ({ runs: [{ text, bold: true }], size: 13, before: 12 });
  const blocks: Block[] = [
    { runs: [{ text: '法律咨询答复单', bold: true }], size: 20, align: 'center' },
    { runs: [{ text: `${deskName()}　${chineseDate(today)}` }], size: 11, align: 'center', before: 6 },
    heading('咨询问题'),
    ...body(record.question),
  ];
  if (record.facts.trim()) blocks.push(heading('基本情况'), ...body(record.facts));
  if (record.answer.trim()) blocks.push(heading('答复意见'), ...body(record.answer));
  if (record.referral) blocks.push(heading('建议'), ...body(`建议${referralWords[record.referral]}。`));
  if (record.citations.length > 0) {
    blocks.push(heading('所依据的条文'));
    for (const [i, c] of record.citations.entries()) {
      blocks.push({ runs: [{ text: c.citation, bold: true }, { text: `（依据${chineseDate(c.at)}施行的文本）` }], size: 12, before: 8 });
      const article = articles[i];
      if (article) blocks.push(...paragraphTexts(article).flatMap((p) => p.split('\n')).map((line, i) => ({ runs: [{ text: i === 0 ? `${article.label}　${line}` : line }], size: 12, indent: 24 })));
    }
  }
  blocks.push({ runs: [{ text: '本答复依据上列日期施行的法规作出，仅供参考；具体事项以有关机关的处理为准。' }], size: 10, before: 18 });
  return blocks;
}

/// A printable answer sheet (A4 PDF, CJK font embedded, pages numbered) of a desk record.
export async function answerSheetPdf(engine: Engine, record: DeskRecord, today: string = todayInChina()): Promise<Uint8Array> {
  const articles: CitedArticle[] = [];
  for (const c of record.citations) articles.push((await readRegulation(engine, c.regulationId, { at: c.at })).text.articles.find((a) => a.eid === c.eid));
  const { doc, finished } = openCjkPdf({ title: '法律咨询答复单' });
  const flow = pageFlow(doc, page);
  const width = page.width - page.left - page.right;
  for (const block of sheetBlocks(record, articles, today)) {
    const measure = (text: string) => doc.fontSize(block.size).widthOfString(text);
    const lines = layoutCjkLines(block.runs, { width, firstIndent: block.indent ?? 0, maxSpacing: 2, measure });
    const pitch = block.size * 1.75;
    flow.space(block.before ?? 0);
    doc.fontSize(block.size);
    flow.lines(lines.length, pitch, (k, top) => {
      const line = lines[k];
      const used = line.pieces.reduce((sum, p) => sum + p.width, 0) + line.indent;
      const x = block.align === 'center' ? page.left + (width - used) / 2 : block.align === 'right' ? page.left + width - used : page.left;
      drawLine(doc, block.align ? { ...line, spacing: 0 } : line, x, top + pitch * 0.72);
    });
  }
  drawFooters(doc);
  doc.end();
  return finished;
}
