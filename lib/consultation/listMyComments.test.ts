import { sqliteEngine } from '@/db/engine';
import { insertTestUser } from '@/lib/auth/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '@/db/testing';
import { listMyComments } from './listMyComments';
import { moderateComment } from './moderateComment';
import { setDisposition } from './setDisposition';
import { submitComment } from './submitComment';
import { openedConsultation, openingDay } from './testing/openedConsultation';

const t = freshDatabase();
afterAll(t.cleanup);
const { db } = t;

describe('listMyComments', async () => {
  const s = await openedConsultation(sqliteEngine(db), { title: '养犬管理条例（征求意见稿）' });
  const chen = insertTestUser(db, 'public', '陈小明');
  const other = insertTestUser(db, 'public', '别人');
  const at = (m: number) => new Date(openingDay.getTime() + m * 60_000);
  const first = await submitComment(sqliteEngine(db), chen, s.consultationId, { articleEid: 'art_3', body: '登记太繁琐。' }, { address: null }, at(1));
  const second = await submitComment(sqliteEngine(db), chen, s.consultationId, { body: '我的电话 13800000000' }, { address: null }, at(2));
  const third = await submitComment(sqliteEngine(db), chen, s.consultationId, { body: '总体赞成。' }, { address: null }, at(3));
  await submitComment(sqliteEngine(db), other, s.consultationId, { body: '别人的意见' }, { address: null }, at(4));
  await moderateComment(sqliteEngine(db), s.reviewer, second.id, { action: 'reject', reason: 'personal_data' });
  await setDisposition(sqliteEngine(db), s.editor, first.id, { disposition: 'partly_adopted', reason: '已简化登记手续。' }, at(60));

  it("lists the commenter's own comments newest first with the moderation outcome and the disposition at once", async () => {
    const mine = await listMyComments(sqliteEngine(db), chen);
    expect(mine.map((c) => [c.id, c.status, c.rejectReason])).toEqual([
      [third.id, 'pending', null],
      [second.id, 'rejected', 'personal_data'],
      [first.id, 'pending', null],
    ]);
    expect(mine[2]).toMatchObject({
      reference: first.reference,
      consultationId: s.consultationId,
      consultationTitle: '养犬管理条例（征求意见稿）',
      articleLabel: '第三条',
      body: '登记太繁琐。',
      disposition: { disposition: 'partly_adopted', reason: '已简化登记手续。', decidedAt: at(60).toISOString() },
    });
    expect(await listMyComments(sqliteEngine(db), other)).toHaveLength(1);
  });

  it('needs a signed-in person', async () => {
    await expect(listMyComments(sqliteEngine(db), null)).rejects.toThrow('unauthenticated');
  });
});
