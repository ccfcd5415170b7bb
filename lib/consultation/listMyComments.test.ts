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
  const s = await openedConsultation(db, { title: '养犬管理条例（征求意见稿）' });
  const chen = insertTestUser(db, 'public', '陈小明');
  const other = insertTestUser(db, 'public', '别人');
  const at = (m: number) => new Date(openingDay.getTime() + m * 60_000);
  const first = submitComment(chen, s.consultationId, { articleEid: 'art_3', body: '登记太繁琐。' }, { address: null }, db, at(1));
  const second = submitComment(chen, s.consultationId, { body: '我的电话 13800000000' }, { address: null }, db, at(2));
  const third = submitComment(chen, s.consultationId, { body: '总体赞成。' }, { address: null }, db, at(3));
  submitComment(other, s.consultationId, { body: '别人的意见' }, { address: null }, db, at(4));
  await moderateComment(s.reviewer, second.id, { action: 'reject', reason: 'personal_data' }, db);
  await setDisposition(s.editor, first.id, { disposition: 'partly_adopted', reason: '已简化登记手续。' }, db, at(60));

  it("lists the commenter's own comments newest first with the moderation outcome and the disposition at once", () => {
    const mine = listMyComments(chen, db);
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
    expect(listMyComments(other, db)).toHaveLength(1);
  });

  it('needs a signed-in person', () => {
    expect(() => listMyComments(null, db)).toThrow('unauthenticated');
  });
});
