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
  const s = await openedConsultation(db);
  const chen = insertTestUser(db, 'public', '陈小明');
  const submit = (body: string) => submitComment(chen, s.consultationId, { body }, { address: null }, db, openingDay).id;
  const row = (id: string) => db.select().from(consultationComments).where(eq(consultationComments.id, id)).get()!;

  it('publishes from the queue and takes down with a reason, recording who and when, audited', async () => {
    const id = submit('赞成。');
    const at = new Date('2025-03-02T03:00:00Z');
    expect(await moderateComment(s.reviewer, id, { action: 'publish' }, db, at)).toEqual({ status: 'published' });
    expect(row(id)).toMatchObject({ status: 'published', rejectReason: null, moderatedBy: s.reviewer.id, moderatedAt: at });
    await moderateComment(s.editor, id, { action: 'reject', reason: 'personal_data' }, db, at);
    expect(row(id)).toMatchObject({ status: 'rejected', rejectReason: 'personal_data', moderatedBy: s.editor.id });
    const audit = db.select().from(auditEvents).where(and(eq(auditEvents.action, 'comment.moderate'), eq(auditEvents.targetId, id))).all();
    expect(audit.map((a) => [a.actorId, a.detail])).toEqual([
      [s.reviewer.id, { consultationId: s.consultationId, from: 'pending', to: 'published', reason: null }],
      [s.editor.id, { consultationId: s.consultationId, from: 'published', to: 'rejected', reason: 'personal_data' }],
    ]);
  });

  it('needs a known reason to reject', async () => {
    const id = submit('广告');
    await expect(moderateComment(s.reviewer, id, { action: 'reject' }, db)).rejects.toThrow('moderation_reason_required');
    await expect(moderateComment(s.reviewer, id, { action: 'reject', reason: 'boring' }, db)).rejects.toThrow('moderation_reason_invalid');
    expect(row(id).status).toBe('pending');
  });

  it('is for staff members of the bill only; to everyone else the comment does not exist', async () => {
    const id = submit('意见');
    await expect(moderateComment(s.outsider, id, { action: 'publish' }, db)).rejects.toThrow('comment_not_found');
    await expect(moderateComment(chen, id, { action: 'publish' }, db)).rejects.toThrow('comment_not_found');
    await expect(moderateComment(null, id, { action: 'publish' }, db)).rejects.toThrow('unauthenticated');
    await expect(moderateComment(s.reviewer, crypto.randomUUID(), { action: 'publish' }, db)).rejects.toThrow('comment_not_found');
    expect(row(id).status).toBe('pending');
  });
});
