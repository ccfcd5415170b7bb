import { sqliteEngine } from '@/db/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inArray } from 'drizzle-orm';
import { notifications } from '@/db/schema';
import { freshDatabase } from '@/db/testing';
import type { BillStage } from '@/lib/shared';
import { sweepDeadlineNotices } from './sweepDeadlineNotices';
import { billWithPeople } from './testing/billAtStage';

// A database of its own: the sweep looks at every bill there is.
const { db, cleanup } = freshDatabase();
afterAll(cleanup);

const day = (iso: string) => new Date(`${iso}T02:00:00Z`);
type People = Awaited<ReturnType<typeof billWithPeople>>;
const walk = async (pending: Promise<People>, steps: [BillStage, string][]) => {
  const b = await pending;
  for (const [to, d] of steps) await b.walk(to, day(d), { reason: '测试' });
  return b;
};

/// The deadline notices in the inbox, in a fixed order, as the reader would get them.
const deadlineNotices = () =>
  db
    .select({ userId: notifications.userId, billId: notifications.billId, kind: notifications.kind, detail: notifications.detail, dedupeKey: notifications.dedupeKey, createdAt: notifications.createdAt, readAt: notifications.readAt })
    .from(notifications)
    .where(inArray(notifications.kind, ['deadline_near', 'deadline_overdue']))
    .all()
    .sort((a, b) => (a.dedupeKey! < b.dedupeKey! ? -1 : 1));

/// What each member of a bill is sent about one of its deadlines.
const noticesOf = (b: People, kind: 'deadline_near' | 'deadline_overdue', deadline: string, dueOn: string, at: Date) =>
  [b.coordinator, b.editor, b.reviewer].map((u) => ({
    userId: u.id,
    billId: b.billId,
    kind,
    detail: { deadline, dueOn },
    dedupeKey: `${kind}:${b.billId}:${deadline}:${dueOn}:${u.id}`,
    createdAt: at,
    readAt: null,
  }));
const sorted = <T extends { dedupeKey: string | null }>(rows: T[]) => [...rows].sort((a, b) => (a.dedupeKey! < b.dedupeKey! ? -1 : 1));

let week: People, eightDays: People, overdue: People, withdrawn: People;

beforeAll(async () => {
  // Seen from 20 March 2026: a consultation closing in 7 days (27 Mar), one in 8 days (28 Mar), an
  // approval 19 days overdue (due 1 Mar) and a withdrawn bill whose consultation closes in 3 days.
  week = await walk(billWithPeople(db, 'local_regulation', { title: '七天' }), [['drafting', '2026-02-01'], ['submission', '2026-02-02'], ['first_reading', '2026-02-03'], ['consultation', '2026-02-26']]);
  eightDays = await walk(billWithPeople(db, 'government_rule', { title: '八天' }), [['drafting', '2026-02-01'], ['consultation', '2026-02-27']]);
  overdue = await walk(billWithPeople(db, 'local_regulation', { title: '逾期' }), [
    ['drafting', '2025-09-01'], ['submission', '2025-09-02'], ['first_reading', '2025-09-03'], ['consultation', '2025-09-04'],
    ['second_reading', '2025-10-10'], ['third_reading', '2025-10-11'], ['vote', '2025-10-12'], ['approval', '2025-11-01'],
  ]);
  withdrawn = await walk(billWithPeople(db, 'industry_norm', { title: '撤回' }), [['drafting', '2026-02-01'], ['consultation', '2026-02-22'], ['withdrawn', '2026-03-10']]);
});

describe('sweepDeadlineNotices', () => {
  it('tells every member of an open bill of a deadline seven days off or passed, once, and returns how many deadlines were near', async () => {
    const at = day('2026-03-20');
    expect(deadlineNotices()).toEqual([]);
    expect(await sweepDeadlineNotices(sqliteEngine(db), at)).toBe(2);
    const first = sorted([...noticesOf(week, 'deadline_near', 'consultation_closes', '2026-03-27', at), ...noticesOf(overdue, 'deadline_overdue', 'approval_due', '2026-03-01', at)]);
    expect(deadlineNotices()).toEqual(first);
    // A second sweep the same day (and one the day after) finds the same deadlines but sends nothing again.
    expect(await sweepDeadlineNotices(sqliteEngine(db), day('2026-03-20'))).toBe(2);
    expect(deadlineNotices()).toEqual(first);
    // Next day the eight-day consultation comes within the week: only its members are told.
    const next = day('2026-03-21');
    expect(await sweepDeadlineNotices(sqliteEngine(db), next)).toBe(3);
    const second = sorted([...first, ...noticesOf(eightDays, 'deadline_near', 'consultation_closes', '2026-03-28', next)]);
    expect(deadlineNotices()).toEqual(second);
    // A consultation that has closed is no longer open, so no longer a deadline: nothing more is sent.
    expect(await sweepDeadlineNotices(sqliteEngine(db), day('2026-03-28'))).toBe(2);
    expect(await sweepDeadlineNotices(sqliteEngine(db), day('2026-03-29'))).toBe(1);
    expect(deadlineNotices()).toEqual(second);
    expect(deadlineNotices().filter((n) => n.billId === withdrawn.billId)).toEqual([]);
  });
});
