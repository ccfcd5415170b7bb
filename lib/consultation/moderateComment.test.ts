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

describe('moderateComment', () => {
  const s = openedConsultation(db);
  const chen = insertTestUser(db, 'public', '陈小明');
  const submit = (body: string) => submitComment(chen, s.consultationId, { body }, { address: null }, db, openingDay).id;
  const row = (id: string) => db.select().from(consultationComments).where(eq(consultationComments.id, id)).get()!;

  it('publishes from the queue and takes down with a reason, recording who and when, audited', () => {
    const id = submit('赞成。');
    const at = new Date('2025-03-02T03:00:00Z');
    expect(moderateComment(s.reviewer, id, { action: 'publish' }, db, at)).toEqual({ status: 'published' });
    expect(row(id)).toMatchObject({ status: 'published', rejectReason: null, moderatedBy: s.reviewer.id, moderatedAt: at });
    moderateComment(s.editor, id, { action: 'reject', reason: 'personal_data' }, db, at);
    expect(row(id)).toMatchObject({ status: 'rejected', rejectReason: 'personal_data', moderatedBy: s.editor.id });
    const audit = db.select().from(auditEvents).where(and(eq(auditEvents.action, 'comment.moderate'), eq(auditEvents.targetId, id))).all();
    expect(audit.map((a) => [a.actorId, a.detail])).toEqual([
      [s.reviewer.id, { consultationId: s.consultationId, from: 'pending', to: 'published', reason: null }],
      [s.editor.id, { consultationId: s.consultationId, from: 'published', to: 'rejected', reason: 'personal_data' }],
    ]);
  });

  it('needs a known reason to reject', () => {
    const id = submit('广告');
    expect(() => moderateComment(s.reviewer, id, { action: 'reject' }, db)).toThrow('moderation_reason_required');
    expect(() => moderateComment(s.reviewer, id, { action: 'reject', reason: 'boring' }, db)).toThrow('moderation_reason_invalid');
    expect(row(id).status).toBe('pending');
  });

  it('is for staff members of the bill only; to everyone else the comment does not exist', () => {
    const id = submit('意见');
    expect(() => moderateComment(s.outsider, id, { action: 'publish' }, db)).toThrow('comment_not_found');
    expect(() => moderateComment(chen, id, { action: 'publish' }, db)).toThrow('comment_not_found');
    expect(() => moderateComment(null, id, { action: 'publish' }, db)).toThrow('unauthenticated');
    expect(() => moderateComment(s.reviewer, crypto.randomUUID(), { action: 'publish' }, db)).toThrow('comment_not_found');
    expect(row(id).status).toBe('pending');
  });
});
