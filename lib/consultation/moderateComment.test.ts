import { sqliteEngine } from '@/db/engine';
import { insertTestUser } from '@/lib/auth/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { freshDatabase } from '@/db/testing';
import { auditEvents, consultationComments } from '@/db/schema';
import { moderateComment } from './moderateComment';
import { submitComment } from './submitComment';
import { openedConsultation, openingDay } from './testing/openedConsultation';

const t = freshDatabase();
afterAll(t.cleanup);
const { db } = t;

describe('moderateComment', async () => {
  const s = await openedConsultation(sqliteEngine(db));
  const chen = insertTestUser(db, 'public', '陈小明');
  const submit = async (body: string) => (await submitComment(sqliteEngine(db), chen, s.consultationId, { body }, { address: null }, openingDay)).id;
  const row = (id: string) => db.select().from(consultationComments).where(eq(consultationComments.id, id)).get()!;

  it('publishes from the queue and takes down with a reason, recording who and when, audited', async () => {
    const id = await submit('赞成。');
    const at = new Date('2025-03-02T03:00:00Z');
    expect(await moderateComment(sqliteEngine(db), s.reviewer, id, { action: 'publish' }, at)).toEqual({ status: 'published' });
    expect(row(id)).toMatchObject({ status: 'published', rejectReason: null, moderatedBy: s.reviewer.id, moderatedAt: at });
    await moderateComment(sqliteEngine(db), s.editor, id, { action: 'reject', reason: 'personal_data' }, at);
    expect(row(id)).toMatchObject({ status: 'rejected', rejectReason: 'personal_data', moderatedBy: s.editor.id });
    const audit = db.select().from(auditEvents).where(and(eq(auditEvents.action, 'comment.moderate'), eq(auditEvents.targetId, id))).all();
    expect(audit.map((a) => [a.actorId, a.detail])).toEqual([
      [s.reviewer.id, { consultationId: s.consultationId, from: 'pending', to: 'published', reason: null }],
      [s.editor.id, { consultationId: s.consultationId, from: 'published', to: 'rejected', reason: 'personal_data' }],
    ]);
  });

  it('needs a known reason to reject', async () => {
    const id = await submit('广告');
    await expect(moderateComment(sqliteEngine(db), s.reviewer, id, { action: 'reject' })).rejects.toThrow('moderation_reason_required');
    await expect(moderateComment(sqliteEngine(db), s.reviewer, id, { action: 'reject', reason: 'boring' })).rejects.toThrow('moderation_reason_invalid');
    expect(row(id).status).toBe('pending');
  });

  it('is for staff members of the bill only; to everyone else the comment does not exist', async () => {
    const id = await submit('意见');
    await expect(moderateComment(sqliteEngine(db), s.outsider, id, { action: 'publish' })).rejects.toThrow('comment_not_found');
    await expect(moderateComment(sqliteEngine(db), chen, id, { action: 'publish' })).rejects.toThrow('comment_not_found');
    await expect(moderateComment(sqliteEngine(db), null, id, { action: 'publish' })).rejects.toThrow('unauthenticated');
    await expect(moderateComment(sqliteEngine(db), s.reviewer, crypto.randomUUID(), { action: 'publish' })).rejects.toThrow('comment_not_found');
    expect(row(id).status).toBe('pending');
  });
});
