import { beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { engines } from '@/db/engineTesting';
import type { CurrentUser } from '@/lib/auth';
import { insertTestAccount } from '@/lib/auth/testing';
import { moderateComment } from './moderateComment';
import { submitComment } from './submitComment';
import { openedConsultation, openingDay } from './testing/openedConsultation';

describe.each(engines())('moderateComment on $name', ({ engine }) => {
  let s: Awaited<ReturnType<typeof openedConsultation>>;
  let chen: CurrentUser;
  const submit = async (body: string) => (await submitComment(engine(), chen, s.consultationId, { body }, { address: null }, openingDay)).id;
  const row = async (id: string) => {
    const c = engine().t.consultationComments;
    const [found] = await engine().db.select().from(c).where(eq(c.id, id));
    return found;
  };

  beforeAll(async () => {
    s = await openedConsultation(engine());
    chen = await insertTestAccount(engine(), { role: 'public', name: '陈小明' });
  });

  it('publishes from the queue and takes down with a reason, recording who and when, audited', async () => {
    const id = await submit('赞成。');
    const at = new Date('2025-03-02T03:00:00Z');
    expect(await moderateComment(engine(), s.reviewer, id, { action: 'publish' }, at)).toEqual({ status: 'published' });
    expect(await row(id)).toMatchObject({ status: 'published', rejectReason: null, moderatedBy: s.reviewer.id, moderatedAt: at });
    await moderateComment(engine(), s.editor, id, { action: 'reject', reason: 'personal_data' }, at);
    expect(await row(id)).toMatchObject({ status: 'rejected', rejectReason: 'personal_data', moderatedBy: s.editor.id });
    const a = engine().t.auditEvents;
    const audit = await engine().db.select().from(a).where(and(eq(a.action, 'comment.moderate'), eq(a.targetId, id))).orderBy(asc(a.id));
    expect(audit.map((e) => [e.actorId, e.detail])).toEqual([
      [s.reviewer.id, { consultationId: s.consultationId, from: 'pending', to: 'published', reason: null }],
      [s.editor.id, { consultationId: s.consultationId, from: 'published', to: 'rejected', reason: 'personal_data' }],
    ]);
  });

  it('needs a known reason to reject', async () => {
    const id = await submit('广告');
    await expect(moderateComment(engine(), s.reviewer, id, { action: 'reject' })).rejects.toThrow('moderation_reason_required');
    await expect(moderateComment(engine(), s.reviewer, id, { action: 'reject', reason: 'boring' })).rejects.toThrow('moderation_reason_invalid');
    expect((await row(id)).status).toBe('pending');
  });

  it('is for staff members of the bill only; to everyone else the comment does not exist', async () => {
    const id = await submit('意见');
    await expect(moderateComment(engine(), s.outsider, id, { action: 'publish' })).rejects.toThrow('comment_not_found');
    await expect(moderateComment(engine(), chen, id, { action: 'publish' })).rejects.toThrow('comment_not_found');
    await expect(moderateComment(engine(), null, id, { action: 'publish' })).rejects.toThrow('unauthenticated');
    await expect(moderateComment(engine(), s.reviewer, crypto.randomUUID(), { action: 'publish' })).rejects.toThrow('comment_not_found');
    expect((await row(id)).status).toBe('pending');
  });
});
