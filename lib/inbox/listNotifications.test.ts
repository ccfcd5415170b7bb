import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '@/db/testing';
import { insertTestUser } from '@/lib/auth/testing';
import { countUnread, listNotifications } from './listNotifications';
import { markNotificationsRead } from './markNotificationsRead';
import { notify } from './notify';

const { db, cleanup } = freshDatabase();
afterAll(cleanup);

describe('listNotifications', () => {
  it('lists a person’s notices newest first, those of one moment in the order they were written, and only theirs', () => {
    const me = insertTestUser(db, 'drafter');
    const other = insertTestUser(db, 'drafter');
    const at = new Date('2026-12-05T02:00:00Z');
    for (const step of ['一', '二', '三', '四']) notify(db, { userIds: [me.id, other.id], billId: null, kind: 'stage_changed', detail: { step } }, at);
    notify(db, { userIds: [me.id], billId: null, kind: 'deadline_near', detail: { step: '五' } }, new Date('2026-12-05T03:00:00Z'));
    expect(listNotifications(me, {}, db).map((n) => n.detail.step)).toEqual(['五', '四', '三', '二', '一']);
    expect(countUnread(me, db)).toBe(5);
    expect(countUnread(other, db)).toBe(4);
  });

  it('sends a notice with a dedupe key once per person, and marks only the reader’s own as read', () => {
    const me = insertTestUser(db, 'reviewer');
    const other = insertTestUser(db, 'reviewer');
    for (let i = 0; i < 3; i++) notify(db, { userIds: [me.id, other.id], billId: null, kind: 'deadline_overdue', detail: { dueOn: '2026-11-30' }, dedupeKey: 'overdue:b1:filing_due:2026-11-30' });
    expect(listNotifications(me, {}, db)).toHaveLength(1);
    const theirs = listNotifications(other, {}, db)[0].id;
    expect(markNotificationsRead(me, [theirs], db)).toBe(0);
    expect(markNotificationsRead(me, 'all', db)).toBe(1);
    expect(countUnread(me, db)).toBe(0);
    expect(countUnread(other, db)).toBe(1);
  });
});
