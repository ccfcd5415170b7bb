import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { engines } from '@/db/engineTesting';
import { listAuditEvents, verifyAuditChainOn } from '@/lib/audit';
import { insertTestAccount } from '@/lib/auth/testing';
import { outcome } from '@/lib/workflow/testing/outcome';
import { getConsultationReport } from './getConsultationReport';
import { listCommentsForExport } from './listCommentsForExport';
import { publishReport } from './publishReport';
import { setDisposition } from './setDisposition';
import { storedReportFile } from './storedReportFile';
import { submitComment } from './submitComment';
import { openedConsultation } from './testing/openedConsultation';

const at = (iso: string) => new Date(iso);
// The consultation runs from 1 to 30 March 2025 (China time).
const lastMinute = at('2025-03-30T15:59:00Z'); // 23:59 on 30 March in China
const afterClose = at('2025-03-31T02:00:00Z'); // 10:00 on 31 March in China

describe.each(engines())('on $name', ({ engine }) => {
  let c: Awaited<ReturnType<typeof openedConsultation>>;
  const ids = {} as Record<'proposal' | 'campaign1' | 'campaign2' | 'general', string>;

  // Four comments under post-moderation (published at once): a proposal on 第一条, the same text
  // twice on 第三条 (a campaign group), and one on the draft as a whole. The campaign is not adopted.
  beforeAll(async () => {
    c = await openedConsultation(engine(), { moderation: 'post' });
    const citizen = (name: string) => insertTestAccount(engine(), { role: 'public', name });
    const send = async (name: string, input: { articleEid?: string; body: string; proposedText?: string }, when: string) =>
      (await submitComment(engine(), await citizen(name), c.consultationId, input, { address: null }, at(when))).id;
    ids.proposal = await send('陈小明', { articleEid: 'art_1', body: '立法目的写得太简单。', proposedText: '为了规范测试活动，制定本条例。' }, '2025-03-02T02:00:00Z');
    ids.campaign1 = await send('王五', { articleEid: 'art_3', body: '请删除登记要求。' }, '2025-03-03T02:00:00Z');
    ids.campaign2 = await send('赵六', { articleEid: 'art_3', body: '请删除登记要求。' }, '2025-03-04T02:00:00Z');
    ids.general = await send('孙七', { body: '总体赞成。' }, '2025-03-05T02:00:00Z');
    await setDisposition(engine(), c.editor, ids.campaign2, { disposition: 'not_adopted', reason: '登记是管理的基础，予以保留。', wholeGroup: true }, at('2025-03-20T02:00:00Z'));
  });

  it('reports the counts, the sections in text order and the campaign as one entry', async () => {
    const report = await getConsultationReport(engine(), c.consultationId);
    expect(report).toMatchObject({ consultationId: c.consultationId, opensOn: '2025-03-01', closesOn: '2025-03-30', published: false, publishedAt: null, summary: null, people: 4 });
    expect(report.comments).toEqual({ received: 4, published: 4, pending: 0, rejected: 0, rejectedByReason: { off_topic: 0, abusive: 0, personal_data: 0, spam: 0 } });
    expect(report.handling).toEqual({ counts: { adopted: 0, partly_adopted: 0, not_adopted: 2, absorbed: 0 }, undecided: 2 });
    expect(report.sections.map((s) => [s.articleEid, s.label, s.commentCount])).toEqual([
      [null, '总体意见', 1],
      ['art_1', '第一条', 1],
      ['art_3', '第三条', 2],
    ]);
    const art3 = report.sections[2];
    expect(art3.entries).toEqual([{ reference: expect.any(String) as string, body: '请删除登记要求。', proposedText: null, groupSize: 2, disposition: 'not_adopted', reason: '登记是管理的基础，予以保留。' }]);
    expect(art3.reasons).toEqual([{ disposition: 'not_adopted', reason: '登记是管理的基础，予以保留。', count: 2 }]);
    expect(report.sections[1].entries[0]).toMatchObject({ body: '立法目的写得太简单。', proposedText: '为了规范测试活动，制定本条例。', groupSize: 1, disposition: null });
    expect(await outcome(() => getConsultationReport(engine(), crypto.randomUUID()))).toBe('not_found:consultation_not_found');
  });

  it('lists every comment for the export, oldest first, with its group, masked author and disposition', async () => {
    const rows = await listCommentsForExport(engine(), c.consultationId);
    expect(rows.map((r) => [r.articleLabel, r.authorName, r.status, r.groupSize, r.disposition])).toEqual([
      ['第一条', '陈**', 'published', 1, null],
      ['第三条', '王**', 'published', 2, 'not_adopted'],
      ['第三条', '赵**', 'published', 2, 'not_adopted'],
      ['总体意见', '孙**', 'published', 1, null],
    ]);
    expect(rows[0]).toMatchObject({ createdAt: '2025-03-02T02:00:00.000Z', proposedText: '为了规范测试活动，制定本条例。', groupId: null, groupReference: null, tags: [] });
    expect([rows[1].groupId, rows[2].groupId]).toEqual([ids.campaign1, ids.campaign1]);
    expect(rows[2]).toMatchObject({ groupReference: rows[1].reference, dispositionReason: '登记是管理的基础，予以保留。', decidedAt: '2025-03-20T02:00:00.000Z' });
    expect(await outcome(() => listCommentsForExport(engine(), crypto.randomUUID()))).toBe('not_found:consultation_not_found');
  });

  it('refuses to publish the report while the consultation is open, then publishes it once, audited', async () => {
    // Publishes a consultation of its own: the other tests report on an unpublished one.
    const own = await openedConsultation(engine(), { moderation: 'post' });
    expect(await outcome(() => publishReport(engine(), own.editor, own.consultationId, { summary: '总结' }, lastMinute))).toBe('conflict:consultation_still_open');
    expect(await outcome(() => publishReport(engine(), own.reviewer, own.consultationId, { summary: '总结' }, afterClose))).toBe('forbidden:report_forbidden');
    expect((await getConsultationReport(engine(), own.consultationId)).published).toBe(false);

    // Editors publishing at once: all keep the first publication time, and only one is the first.
    const editors = [own.editor, own.editor2, own.editor, own.editor2];
    const results = await Promise.all(
      editors.map((editor, i) => publishReport(engine(), editor, own.consultationId, { summary: ' 感谢社会各界的关心。 ' }, new Date(afterClose.getTime() + i * 60_000))),
    );
    expect(new Set(results.map((r) => r.publishedAt.getTime())).size).toBe(1);
    expect(results.map((r) => r.summary)).toEqual(editors.map(() => '感谢社会各界的关心。'));
    const report = await getConsultationReport(engine(), own.consultationId);
    expect(report).toMatchObject({ published: true, publishedAt: results[0].publishedAt.toISOString(), summary: '感谢社会各界的关心。' });

    const audits = await listAuditEvents(engine(), { action: 'consultation.report', targetId: own.consultationId });
    expect(audits.map((a) => (a.detail as { republished: boolean }).republished).sort()).toEqual([false, true, true, true]);
    expect(audits.map((a) => a.actorId).sort()).toEqual(editors.map((e) => e.id).sort());
    expect(await verifyAuditChainOn(engine())).toMatchObject({ ok: true });
  });

  it('builds a report file once and reads the same bytes back from its one row', async () => {
    const report = await getConsultationReport(engine(), c.consultationId);
    const built = await storedReportFile(engine(), report, 'docx', at('2025-04-01T02:00:00Z'));
    // Built again on another day, the file would carry that day as its creation time.
    const read = await storedReportFile(engine(), report, 'docx', at('2025-04-02T02:00:00Z'));
    expect(Buffer.from(read).equals(Buffer.from(built))).toBe(true);
    const { db, t } = engine();
    const rows = await db.select().from(t.consultationReportFiles).where(eq(t.consultationReportFiles.consultationId, c.consultationId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ format: 'docx', builtAt: at('2025-04-01T02:00:00Z') });
    expect(Buffer.from(rows[0].bytes).equals(Buffer.from(built))).toBe(true);
  });
});
