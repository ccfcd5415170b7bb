import { sqliteEngine } from '@/db/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { billMembers } from '@/db/schema';
import { freshDatabase } from '@/db/testing';
import { insertTestUser } from '@/lib/auth/testing';
import type { CurrentUser } from '@/lib/auth';
import type { BillStage } from '@/lib/shared';
import { listWorkflowBills, type WorkflowBill } from './listWorkflowBills';
import { billWithPeople } from './testing/billAtStage';
import { outcome } from './testing/outcome';

// One database of its own: an admin sees every bill in it, so the list is exactly the bills below.
const { db, cleanup } = freshDatabase();
afterAll(cleanup);

const day = (iso: string) => new Date(`${iso}T02:00:00Z`);
const now = day('2026-03-20');

type People = Awaited<ReturnType<typeof billWithPeople>>;
const walk = async (pending: Promise<People>, steps: [BillStage, string][]) => {
  const b = await pending;
  for (const [to, d] of steps) await b.walk(to, day(d), { reason: '测试' });
  return b;
};

let 甲: People, 乙: People, 丙: People, 丁: People, 戊: People, 己: People;
let zhou: CurrentUser;
const row = (b: People, stage: BillStage, nextDeadline: WorkflowBill['nextDeadline'], kind: WorkflowBill['kind'] = 'local_regulation', title = ''): WorkflowBill => ({
  id: b.billId,
  title,
  kind,
  stage,
  coordinator: { userId: b.coordinator.id, name: '王牵头' },
  nextDeadline,
});
let rows: Record<'甲' | '乙' | '丙' | '丁' | '戊' | '己', WorkflowBill>;

beforeAll(async () => {
  // The titles sort 丁 < 丙 < 乙 < 己 < 戊 < 甲 (by code point); the deadlines in another order.
  // 乙: waiting for provincial approval since 1 Nov 2025, due 1 Mar 2026: 19 days overdue.
  乙 = await walk(billWithPeople(db, 'local_regulation', { title: '乙条例' }), [
    ['drafting', '2025-09-01'], ['submission', '2025-09-02'], ['first_reading', '2025-09-03'], ['consultation', '2025-09-04'],
    ['second_reading', '2025-10-10'], ['third_reading', '2025-10-11'], ['vote', '2025-10-12'], ['approval', '2025-11-01'],
  ]);
  // 甲: consultation opened 1 Mar, closes 30 Mar (10 days left).
  甲 = await walk(billWithPeople(db, 'local_regulation', { title: '甲条例' }), [['drafting', '2026-02-01'], ['submission', '2026-02-02'], ['first_reading', '2026-02-03'], ['consultation', '2026-03-01']]);
  // 己: voted on and sent for approval (due 5 Jul) while its consultation (1–30 Mar) still runs:
  // the nearer deadline, the close of the consultation, is the one listed; 10 days, as for 甲.
  己 = await walk(billWithPeople(db, 'local_regulation', { title: '己条例' }), [
    ['drafting', '2026-02-01'], ['submission', '2026-02-02'], ['first_reading', '2026-02-03'], ['consultation', '2026-03-01'],
    ['second_reading', '2026-03-02'], ['third_reading', '2026-03-03'], ['vote', '2026-03-04'], ['approval', '2026-03-05'],
  ]);
  // 丙: a government rule whose consultation opened 22 Feb and closes 23 Mar (3 days left).
  丙 = await walk(billWithPeople(db, 'government_rule', { title: '丙规章' }), [['drafting', '2026-02-01'], ['consultation', '2026-02-22']]);
  // 丁: an industry norm being drafted, no deadline; its coordinator has left it.
  丁 = await walk(billWithPeople(db, 'industry_norm', { title: '丁规范' }), [['drafting', '2026-02-01']]);
  db.delete(billMembers).where(and(eq(billMembers.billId, 丁.billId), eq(billMembers.userId, 丁.coordinator.id))).run();
  // 戊: withdrawn while its consultation (10 Mar – 8 Apr) still runs: a closed bill has no deadline.
  戊 = await walk(billWithPeople(db, 'local_regulation', { title: '戊条例' }), [['drafting', '2026-02-01'], ['submission', '2026-02-02'], ['first_reading', '2026-02-03'], ['consultation', '2026-03-10'], ['withdrawn', '2026-03-15']]);
  // 周, a drafter, edits 甲 and 丁 only.
  zhou = insertTestUser(db, 'drafter', '周编辑');
  db.insert(billMembers).values([{ billId: 甲.billId, userId: zhou.id, role: 'editor' }, { billId: 丁.billId, userId: zhou.id, role: 'editor' }]).run();
  rows = {
    乙: row(乙, 'approval', { kind: 'approval_due', dueOn: '2026-03-01', daysLeft: -19, overdue: true }, 'local_regulation', '乙条例'),
    丙: row(丙, 'consultation', { kind: 'consultation_closes', dueOn: '2026-03-23', daysLeft: 3, overdue: false }, 'government_rule', '丙规章'),
    甲: row(甲, 'consultation', { kind: 'consultation_closes', dueOn: '2026-03-30', daysLeft: 10, overdue: false }, 'local_regulation', '甲条例'),
    己: row(己, 'approval', { kind: 'consultation_closes', dueOn: '2026-03-30', daysLeft: 10, overdue: false }, 'local_regulation', '己条例'),
    丁: { ...row(丁, 'drafting', null, 'industry_norm', '丁规范'), coordinator: null },
    戊: row(戊, 'withdrawn', null, 'local_regulation', '戊条例'),
  };
});

describe('listWorkflowBills', () => {
  it('shows an admin every bill with its coordinator and nearest deadline: overdue first, then the nearest (equal days by title), then the rest by title', async () => {
    const admin = 甲.admin;
    expect(await listWorkflowBills(sqliteEngine(db), admin, {}, now)).toEqual([rows.乙, rows.丙, rows.己, rows.甲, rows.丁, rows.戊]);
  });

  it('shows staff only the bills they are on, whatever their role on it', async () => {
    expect(await listWorkflowBills(sqliteEngine(db), zhou, {}, now)).toEqual([rows.甲, rows.丁]);
    expect(await listWorkflowBills(sqliteEngine(db), 丙.reviewer, {}, now)).toEqual([rows.丙]);
    expect(await listWorkflowBills(sqliteEngine(db), 乙.coordinator, {}, now)).toEqual([rows.乙]);
    expect(await listWorkflowBills(sqliteEngine(db), insertTestUser(db, 'drafter', '新同事'), {}, now)).toEqual([]);
  });

  it('refuses the signed-out (unauthenticated) and those who are not staff (forbidden)', async () => {
    expect(await outcome(() => listWorkflowBills(sqliteEngine(db), null, {}, now))).toBe('unauthenticated:unauthenticated');
    expect(await outcome(() => listWorkflowBills(sqliteEngine(db), insertTestUser(db, 'volunteer'), {}, now))).toBe('forbidden:forbidden');
    expect(await outcome(() => listWorkflowBills(sqliteEngine(db), insertTestUser(db, 'public'), {}, now))).toBe('forbidden:forbidden');
  });

  it('filters by kind, by stage and by coordinator, each within what the person may see', async () => {
    const admin = 甲.admin;
    expect(await listWorkflowBills(sqliteEngine(db), admin, { kind: 'local_regulation' }, now)).toEqual([rows.乙, rows.己, rows.甲, rows.戊]);
    expect(await listWorkflowBills(sqliteEngine(db), admin, { kind: 'industry_norm' }, now)).toEqual([rows.丁]);
    expect(await listWorkflowBills(sqliteEngine(db), admin, { stage: 'consultation' }, now)).toEqual([rows.丙, rows.甲]);
    expect(await listWorkflowBills(sqliteEngine(db), admin, { kind: 'government_rule', stage: 'drafting' }, now)).toEqual([]);
    expect(await listWorkflowBills(sqliteEngine(db), admin, { coordinatorId: 甲.coordinator.id }, now)).toEqual([rows.甲]);
    expect(await listWorkflowBills(sqliteEngine(db), zhou, { coordinatorId: 乙.coordinator.id }, now)).toEqual([]);
    expect(await listWorkflowBills(sqliteEngine(db), zhou, { stage: 'drafting' }, now)).toEqual([rows.丁]);
  });

  it('counts the days from the China date: at half past midnight in Beijing on 23 March, 丙 has none left', async () => {
    const late = new Date('2026-03-22T16:30:00Z');
    expect((await listWorkflowBills(sqliteEngine(db), 丙.reviewer, {}, late)).map((b) => b.nextDeadline)).toEqual([{ kind: 'consultation_closes', dueOn: '2026-03-23', daysLeft: 0, overdue: false }]);
  });
});
