import { afterAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { consultationReportFiles } from '@/db/schema';
import { freshDatabase } from '@/db/testing';
import { sqliteEngine } from '@/db/engine';
import { readZip } from '@/lib/documents/testing/readZip';
import { getConsultationReport } from './getConsultationReport';
import { publishReport } from './publishReport';
import { setDisposition } from './setDisposition';
import { storedReportFile } from './storedReportFile';
import { seedConsultation } from './testing/seedConsultation';

const t = freshDatabase();
afterAll(t.cleanup);
const { db } = t;
const engine = sqliteEngine(db);

const day = (d: number) => new Date(Date.UTC(2025, 3, d, 2));

function kept(consultationId: string, format: 'docx' | 'pdf') {
  return db
    .select({ contentHash: consultationReportFiles.contentHash, builtAt: consultationReportFiles.builtAt })
    .from(consultationReportFiles)
    .where(and(eq(consultationReportFiles.consultationId, consultationId), eq(consultationReportFiles.format, format)))
    .get();
}

async function documentXml(bytes: Uint8Array): Promise<string> {
  return (await readZip(bytes)).get('word/document.xml')!;
}

/// A consultation of its own, for a test that builds its files: two comments, and the report
/// published on day 1. Files are kept per consultation, so each test counts on only its own.
async function publishedConsultation() {
  const s = seedConsultation(db);
  const proposal = s.comment({ eid: 'art_1', body: '立法目的写得太简单。', proposedText: '为了规范测试活动，制定本条例。' });
  s.comment({ body: '总体赞成。' });
  await publishReport(engine, s.editor, s.consultationId, { summary: '感谢社会各界的关心。' }, day(1));
  return { s, proposal };
}

describe('storedReportFile', () => {
  it('builds a report file once and serves the kept bytes to the next download', async () => {
    const { s } = await publishedConsultation();
    const first = await storedReportFile(engine, await getConsultationReport(engine, s.consultationId), 'docx', day(2));
    expect(await documentXml(first)).toContain('感谢社会各界的关心。');
    expect(kept(s.consultationId, 'docx')?.builtAt).toEqual(day(2));
    // Built again on day 3, the file would carry day 3 as its creation time.
    const second = await storedReportFile(engine, await getConsultationReport(engine, s.consultationId), 'docx', day(3));
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    expect(kept(s.consultationId, 'docx')?.builtAt).toEqual(day(2));
  });

  it('builds the file again when the report is republished, and once more when a disposition changes', async () => {
    const { s, proposal } = await publishedConsultation();
    await storedReportFile(engine, await getConsultationReport(engine, s.consultationId), 'docx', day(2));
    const before = kept(s.consultationId, 'docx')!;
    await publishReport(engine, s.editor, s.consultationId, { summary: '我们逐条研究了意见。' }, day(4));
    const republished = await storedReportFile(engine, await getConsultationReport(engine, s.consultationId), 'docx', day(5));
    const xml = await documentXml(republished);
    expect(xml).toContain('我们逐条研究了意见。');
    expect(xml).not.toContain('感谢社会各界的关心。');
    const after = kept(s.consultationId, 'docx')!;
    expect(after.builtAt).toEqual(day(5));
    expect(after.contentHash).not.toBe(before.contentHash);

    await setDisposition(engine, s.editor, proposal, { disposition: 'adopted', reason: '已修改立法目的。' }, day(6));
    expect(await documentXml(await storedReportFile(engine, await getConsultationReport(engine, s.consultationId), 'docx', day(7)))).toContain('已修改立法目的。');
    expect(kept(s.consultationId, 'docx')?.builtAt).toEqual(day(7));
  });

  it('keeps the PDF apart from the Word file, and builds it once for downloads arriving together', async () => {
    const { s } = await publishedConsultation();
    const report = await getConsultationReport(engine, s.consultationId);
    await storedReportFile(engine, report, 'docx', day(7));
    const [a, b] = await Promise.all([storedReportFile(engine, report, 'pdf', day(8)), storedReportFile(engine, report, 'pdf', day(9))]);
    expect(Buffer.from(a).subarray(0, 5).toString()).toBe('%PDF-');
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(kept(s.consultationId, 'pdf')?.builtAt).toEqual(day(8));
    expect(kept(s.consultationId, 'docx')?.builtAt).toEqual(day(7));
  });
});
