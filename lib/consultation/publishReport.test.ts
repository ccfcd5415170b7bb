import { afterAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents, consultations } from '@/db/schema';
import { freshDatabase } from '@/db/testing';
import { sqliteEngine } from '@/db/engine';
import { isAppError } from '@/lib/errors';
import { publishReport } from './publishReport';
import { seedConsultation } from './testing/seedConsultation';

const t = freshDatabase();
afterAll(t.cleanup);
const { db } = t;
const engine = sqliteEngine(db);

/// The code and message of what `run` throws.
async function failure(run: () => unknown): Promise<[string, string] | 'no error'> {
  try {
    await run();
    return 'no error';
  } catch (e) {
    if (!isAppError(e)) throw e;
    return [e.code, e.message];
  }
}

const afterClose = new Date('2025-03-31T16:00:00Z'); // 2025-04-01 00:00 in China
const lastDay = new Date('2025-03-31T15:59:00Z'); // 2025-03-31 23:59 in China

function stored(id: string) {
  return db.select().from(consultations).where(eq(consultations.id, id)).get()!;
}

function audits(id: string) {
  return db.select().from(auditEvents).where(and(eq(auditEvents.targetId, id), eq(auditEvents.action, 'consultation.report'))).all();
}

describe('publishReport', () => {
  it('refuses while the consultation is open, up to the last minute of its closing day in China', async () => {
    const s = seedConsultation(db);
    expect(await failure(() => publishReport(engine, s.editor, s.consultationId, { summary: '总结' }, lastDay))).toEqual(['conflict', 'consultation_still_open']);
    expect(await failure(() => publishReport(engine, s.editor, s.consultationId, { summary: '总结' }, new Date('2025-03-10T00:00:00Z')))).toEqual([
      'conflict',
      'consultation_still_open',
    ]);
    expect(stored(s.consultationId).reportPublishedAt).toBeNull();
    expect(audits(s.consultationId)).toHaveLength(0);
  });

  it('lets only editors of the bill publish', async () => {
    const s = seedConsultation(db);
    expect(await failure(() => publishReport(engine, s.reviewer, s.consultationId, { summary: '总结' }, afterClose))).toEqual(['forbidden', 'report_forbidden']);
    expect(await failure(() => publishReport(engine, s.outsider, s.consultationId, { summary: '总结' }, afterClose))).toEqual(['not_found', 'bill_not_found']);
    expect(await failure(() => publishReport(engine, s.admin, s.consultationId, { summary: '总结' }, afterClose))).toEqual(['forbidden', 'report_forbidden']);
    expect(await failure(() => publishReport(engine, null, s.consultationId, { summary: '总结' }, afterClose))).toEqual(['unauthenticated', 'unauthenticated']);
    expect(stored(s.consultationId).reportPublishedAt).toBeNull();
  });

  it('needs a summary of 1 to 5000 characters', async () => {
    const s = seedConsultation(db);
    expect(await failure(() => publishReport(engine, s.editor, s.consultationId, { summary: '  \n ' }, afterClose))).toEqual(['validation_failed', 'report_summary_required']);
    expect(await failure(() => publishReport(engine, s.editor, s.consultationId, { summary: '意'.repeat(5001) }, afterClose))).toEqual([
      'validation_failed',
      'report_summary_too_long',
    ]);
    expect(await failure(() => publishReport(engine, s.editor, s.consultationId, { summary: '意'.repeat(5000) }, afterClose))).toBe('no error');
  });

  it('publishes the report with its summary once closed, with an audit row', async () => {
    const s = seedConsultation(db);
    const result = await publishReport(engine, s.editor, s.consultationId, { summary: ' 共收到意见十二条，感谢社会各界。 ' }, afterClose);
    expect(result).toEqual({ publishedAt: afterClose, summary: '共收到意见十二条，感谢社会各界。' });
    expect(stored(s.consultationId)).toMatchObject({ reportPublishedAt: afterClose, reportSummary: '共收到意见十二条，感谢社会各界。' });
    const [audit] = audits(s.consultationId);
    expect(audit).toMatchObject({ actorId: s.editor.id, targetType: 'consultation', at: afterClose, detail: { republished: false } });
  });

  it('replaces the summary when published again and keeps the first publication time', async () => {
    const s = seedConsultation(db);
    await publishReport(engine, s.editor, s.consultationId, { summary: '初稿' }, afterClose);
    const later = new Date('2025-04-05T00:00:00Z');
    expect(await publishReport(engine, s.editor, s.consultationId, { summary: '更正稿' }, later)).toEqual({ publishedAt: afterClose, summary: '更正稿' });
    expect(stored(s.consultationId)).toMatchObject({ reportPublishedAt: afterClose, reportSummary: '更正稿' });
    expect(audits(s.consultationId).map((a) => (a.detail as { republished: boolean }).republished)).toEqual([false, true]);
  });

  it('answers consultation_not_found for an unknown consultation', async () => {
    const s = seedConsultation(db);
    expect(await failure(() => publishReport(engine, s.editor, 'nope', { summary: '总结' }, afterClose))).toEqual(['not_found', 'consultation_not_found']);
  });
});
