import { beforeAll, describe, expect, it } from 'vitest';
import { engines } from '@/db/engineTesting';
import type { CurrentUser } from '@/lib/auth';
import { insertTestAccount } from '@/lib/auth/testing';
import { listMyComments } from './listMyComments';
import { moderateComment } from './moderateComment';
import { setDisposition } from './setDisposition';
import { submitComment } from './submitComment';
import { openedConsultation, openingDay } from './testing/openedConsultation';

describe.each(engines())('listMyComments on $name', ({ engine }) => {
  const at = (m: number) => new Date(openingDay.getTime() + m * 60_000);
  let s: Awaited<ReturnType<typeof openedConsultation>>;
  let chen: CurrentUser;
  let other: CurrentUser;
  let first: Awaited<ReturnType<typeof submitComment>>;
  let second: Awaited<ReturnType<typeof submitComment>>;
  let third: Awaited<ReturnType<typeof submitComment>>;

  beforeAll(async () => {
    s = await openedConsultation(engine(), { title: '养犬管理条例（征求意见稿）' });
    chen = await insertTestAccount(engine(), { role: 'public', name: '陈小明' });
    other = await insertTestAccount(engine(), { role: 'public', name: '别人' });
    first = await submitComment(engine(), chen, s.consultationId, { articleEid: 'art_3', body: '登记太繁琐。' }, { address: null }, at(1));
    second = await submitComment(engine(), chen, s.consultationId, { body: '我的电话 13800000000' }, { address: null }, at(2));
    third = await submitComment(engine(), chen, s.consultationId, { body: '总体赞成。' }, { address: null }, at(3));
    await submitComment(engine(), other, s.consultationId, { body: '别人的意见' }, { address: null }, at(4));
    await moderateComment(engine(), s.reviewer, second.id, { action: 'reject', reason: 'personal_data' });
    await setDisposition(engine(), s.editor, first.id, { disposition: 'partly_adopted', reason: '已简化登记手续。' }, at(60));
  });

  it("lists the commenter's own comments newest first with the moderation outcome and the disposition at once", async () => {
    const mine = await listMyComments(engine(), chen);
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
    expect(await listMyComments(engine(), other)).toHaveLength(1);
  });

  it('needs a signed-in person', async () => {
    await expect(listMyComments(engine(), null)).rejects.toThrow('unauthenticated');
  });
});
