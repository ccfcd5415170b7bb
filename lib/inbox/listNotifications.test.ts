import { describe, expect, it } from 'vitest';
import { engines } from '@/db/engineTesting';
import { insertTestAccount } from '@/lib/auth/testing';
import { countUnread, listNotifications } from './listNotifications';
import { markNotificationsRead } from './markNotificationsRead';
import { sendNotice } from './notify';

describe.each(engines())('on $name', ({ engine }) => {
  describe('listNotifications', () => {
    it('lists a person’s notices newest first, those of one moment in the order they were written, and only theirs', async () => {
      const me = await insertTestAccount(engine(), { role: 'drafter' });
      const other = await insertTestAccount(engine(), { role: 'drafter' });
      const at = new Date('2026-12-05T02:00:00Z');
      const steps = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
      for (const step of steps) await sendNotice(engine(), { userIds: [me.id, other.id], billId: null, kind: 'stage_changed', detail: { step } }, at);
      await sendNotice(engine(), { userIds: [me.id], billId: null, kind: 'deadline_near', detail: { step: '后' } }, new Date('2026-12-05T03:00:00Z'));
      expect((await listNotifications(engine(), me)).map((n) => n.detail.step)).toEqual(['后', ...steps.toReversed()]);
      expect((await listNotifications(engine(), me, { limit: 3, offset: 1 })).map((n) => n.detail.step)).toEqual(['十', '九', '八']);
      expect(await countUnread(engine(), me)).toBe(11);
      expect(await countUnread(engine(), other)).toBe(10);
    });

    it('sends a notice with a dedupe key once per person, and marks only the reader’s own as read', async () => {
      const me = await insertTestAccount(engine(), { role: 'reviewer' });
      const other = await insertTestAccount(engine(), { role: 'reviewer' });
      for (let i = 0; i < 3; i++) await sendNotice(engine(), { userIds: [me.id, other.id], billId: null, kind: 'deadline_overdue', detail: { dueOn: '2026-11-30' }, dedupeKey: 'overdue:b1:filing_due:2026-11-30' });
      expect(await listNotifications(engine(), me)).toHaveLength(1);
      const theirs = (await listNotifications(engine(), other))[0].id;
      expect(await markNotificationsRead(engine(), me, [theirs])).toBe(0);
      expect(await markNotificationsRead(engine(), me, 'all')).toBe(1);
      expect(await countUnread(engine(), me)).toBe(0);
      expect(await countUnread(engine(), other)).toBe(1);
      expect((await listNotifications(engine(), other, { unreadOnly: true })).map((n) => n.id)).toEqual([theirs]);
      expect(await markNotificationsRead(engine(), other, [theirs, 'no-such-notice'])).toBe(1);
      expect(await listNotifications(engine(), other, { unreadOnly: true })).toEqual([]);
      expect((await listNotifications(engine(), other))[0]).toMatchObject({ id: theirs, read: true, billTitle: null, kind: 'deadline_overdue' });
    });
  });
});
