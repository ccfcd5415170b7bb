import { sqliteEngine } from '@/db/engine';
import { insertTestUser } from '@/lib/auth/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { freshDatabase } from '@/db/testing';
import { auditEvents, consultations, draftVersions } from '@/db/schema';
import { createBill } from '@/lib/drafting';
import { createDraftVersion } from '@/lib/versioning';
import { getDraftVersion } from '@/lib/versioning';
import { openConsultation } from './openConsultation';
import { consultationText, openedConsultation, openingDay } from './testing/openedConsultation';

const t = freshDatabase();
afterAll(t.cleanup);
const { db } = t;

const input = { description: '欢迎提出意见。', explanation: '起草说明。', opensOn: '2025-03-01', closesOn: '2025-03-30' };

describe('openConsultation', () => {
  it('freezes the draft as 征求意见稿 with a reason pointing at the consultation, titled after the bill, audited', async () => {
    const s = await openedConsultation(sqliteEngine(db), { questions: ['第三条的职责是否完整？'] });
    const version = await getDraftVersion(sqliteEngine(db), s.editor, s.draftId, s.versionId);
    expect(version).toMatchObject({ seq: 1, name: '征求意见稿', kind: 'frozen', reason: `consultation:${s.consultationId}` });
    expect(version.articles.map((a) => a.label)).toEqual(['第一条', '第二条', '第三条', '第四条']);
    const row = db.select().from(consultations).where(eq(consultations.id, s.consultationId)).get()!;
    expect(row).toMatchObject({ title: '测试条例（征求意见稿）', moderation: 'pre', questions: ['第三条的职责是否完整？'], shortReason: null, createdBy: s.editor.id });
    const audit = db.select().from(auditEvents).where(and(eq(auditEvents.action, 'consultation.open'), eq(auditEvents.targetId, s.consultationId))).all();
    expect(audit).toHaveLength(1);
    expect(audit[0].detail).toMatchObject({ versionId: s.versionId, frozen: true, opensOn: '2025-03-01', closesOn: '2025-03-30' });
  });

  it('uses a version given, when it is a version of this draft', async () => {
    const s = await openedConsultation(sqliteEngine(db));
    const v2 = await createDraftVersion(sqliteEngine(db), s.editor, s.draftId, { name: '二审稿' });
    const other = await openedConsultation(sqliteEngine(db));
    const later = { ...input, opensOn: '2025-04-01', closesOn: '2025-04-30' };
    await expect(openConsultation(sqliteEngine(db), s.editor, s.draftId, { ...later, versionId: other.versionId }, openingDay)).rejects.toThrow('version_not_found');
    const c = await openConsultation(sqliteEngine(db), s.editor, s.draftId, { ...later, versionId: v2.id, title: '二次征求意见' }, openingDay);
    expect(c.versionId).toBe(v2.id);
    expect(db.select().from(draftVersions).where(eq(draftVersions.draftId, s.draftId)).all()).toHaveLength(2);
  });

  it('refuses a period overlapping another consultation of the same bill, and creates no version then', async () => {
    const s = await openedConsultation(sqliteEngine(db));
    const versions = () => db.select().from(draftVersions).where(eq(draftVersions.draftId, s.draftId)).all().length;
    await expect(openConsultation(sqliteEngine(db), s.editor, s.draftId, { ...input, opensOn: '2025-03-30', closesOn: '2025-04-30' }, openingDay)).rejects.toThrow('consultation_overlaps');
    await expect(openConsultation(sqliteEngine(db), s.editor, s.draftId, { ...input, opensOn: '2025-01-31', closesOn: '2025-03-01' }, new Date('2025-01-10T00:00:00Z'))).rejects.toThrow(
      'consultation_overlaps',
    );
    expect(versions()).toBe(1);
    expect((await openConsultation(sqliteEngine(db), s.editor, s.draftId, { ...input, opensOn: '2025-03-31', closesOn: '2025-04-29' }, openingDay)).id).toBeTruthy();
    expect(versions()).toBe(2);
  });

  it('keeps the reason for a short period and refuses an opening day in the past', async () => {
    const s = await openedConsultation(sqliteEngine(db), { opensOn: '2025-03-01', closesOn: '2025-03-10', shortReason: '上位法已修改，须尽快衔接。' });
    expect(db.select().from(consultations).where(eq(consultations.id, s.consultationId)).get()!.shortReason).toBe('上位法已修改，须尽快衔接。');
    const u = await openedConsultation(sqliteEngine(db), { opensOn: '2025-03-02', closesOn: '2025-03-31' });
    // Today is a China date: 23:59 on 30 April there is still 30 April; a minute later it is not.
    const april30 = { ...input, opensOn: '2025-04-30', closesOn: '2025-05-29' };
    await expect(openConsultation(sqliteEngine(db), u.editor, u.draftId, april30, new Date('2025-04-30T16:00:00Z'))).rejects.toThrow('consultation_opens_in_past');
    await expect(openConsultation(sqliteEngine(db), u.editor, u.draftId, april30, new Date('2025-04-30T15:59:00Z'))).resolves.not.toThrow();
  });

  it('lets only editors of the bill open a consultation', async () => {
    const s = await openedConsultation(sqliteEngine(db));
    const later = { ...input, opensOn: '2025-04-01', closesOn: '2025-04-30' };
    await expect(openConsultation(sqliteEngine(db), s.reviewer, s.draftId, later, openingDay)).rejects.toThrow('consultation_forbidden');
    await expect(openConsultation(sqliteEngine(db), s.outsider, s.draftId, later, openingDay)).rejects.toThrow('bill_not_found');
    await expect(openConsultation(sqliteEngine(db), insertTestUser(db, 'public', '陈'), s.draftId, later, openingDay)).rejects.toThrow('bill_not_found');
    await expect(openConsultation(sqliteEngine(db), null, s.draftId, later, openingDay)).rejects.toThrow('unauthenticated');
    // Validation comes before anything is frozen.
    const fresh = await createBill(sqliteEngine(db), s.editor, { title: '另一条例', kind: 'local_regulation', from: { text: consultationText } });
    await expect(openConsultation(sqliteEngine(db), s.editor, fresh.draftId, { ...later, description: '' }, openingDay)).rejects.toThrow('consultation_description_required');
    expect(db.select().from(draftVersions).where(eq(draftVersions.draftId, fresh.draftId)).all()).toHaveLength(0);
  });
});
