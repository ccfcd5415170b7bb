import { sqliteEngine } from '@/db/engine';
import { afterAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { bills } from '@/db/schema';
import { freshDatabase } from '@/db/testing';
import type { BillStage } from '@/lib/shared';
import { withTransaction } from '@/db/withTransaction';
import { appendTransitionOn } from './appendTransition';
import { billDeadlines } from './billDeadlines';
import { billWithPeople } from './testing/billAtStage';

const { db, cleanup } = freshDatabase();
afterAll(cleanup);

const day = (iso: string) => new Date(`${iso}T02:00:00Z`);
const billOf = (billId: string) => db.select({ id: bills.id, kind: bills.kind, stage: bills.stage }).from(bills).where(eq(bills.id, billId)).get()!;

describe('billDeadlines', () => {
  it("runs the consultation clock from the day it opens to the day it closes, and never on another bill's consultation", async () => {
    const b = await billWithPeople(db, 'government_rule');
    const idle = await billWithPeople(db, 'government_rule');
    await idle.walk('drafting', day('2026-03-01'));
    await b.walk('drafting', day('2026-03-01'));
    await b.walk('consultation', day('2026-03-02'));
    const at = (today: string) => billDeadlines(sqliteEngine(db), billOf(b.billId), today);
    expect(await at('2026-03-01')).toEqual([]);
    expect(await at('2026-03-02')).toEqual([{ kind: 'consultation_closes', dueOn: '2026-03-31', daysLeft: 29, overdue: false }]);
    expect(await at('2026-03-31')).toEqual([{ kind: 'consultation_closes', dueOn: '2026-03-31', daysLeft: 0, overdue: false }]);
    expect(await at('2026-04-01')).toEqual([]);
    expect(await billDeadlines(sqliteEngine(db), billOf(idle.billId), '2026-03-10')).toEqual([]);
  });

  it('counts the approval from the last time the bill was sent for it', async () => {
    const b = await billWithPeople(db);
    const steps: [BillStage, string][] = [
      ['drafting', '2026-01-05'], ['submission', '2026-01-06'], ['first_reading', '2026-01-07'], ['consultation', '2026-01-08'],
      ['second_reading', '2026-02-10'], ['third_reading', '2026-02-11'], ['vote', '2026-02-12'], ['approval', '2026-02-13'],
      ['second_reading', '2026-02-20'], ['third_reading', '2026-02-21'], ['vote', '2026-02-22'], ['approval', '2026-02-23'],
    ];
    for (const [to, d] of steps) await b.walk(to, day(d), { reason: '省人大常委会退回修改' });
    expect(await billDeadlines(sqliteEngine(db), billOf(b.billId), '2026-06-20')).toEqual([{ kind: 'approval_due', dueOn: '2026-06-23', daysLeft: 3, overdue: false }]);
  });

  it('gives a promulgated government rule its filing and its entry into force, 30 days from the China day of promulgation', async () => {
    const b = await billWithPeople(db, 'government_rule');
    for (const [to, d] of [['drafting', '2026-03-01'], ['consultation', '2026-03-02'], ['legality_review', '2026-04-10'], ['executive_meeting', '2026-04-20'], ['promulgation', '2026-04-25']] as const) await b.walk(to, day(d));
    // Published at 00:30 on 1 May in Beijing (30 April in UTC): the clocks run from 1 May.
    await withTransaction(sqliteEngine(db), (tx) => appendTransitionOn(tx, { billId: b.billId, from: 'promulgation', to: 'filing', note: '已公布', actorId: b.coordinator.id, at: new Date('2026-04-30T16:30:00Z') }));
    // Another bill, a regulation with a longer record, published a week later, runs its own clocks.
    const other = await billWithPeople(db);
    const path: BillStage[] = ['drafting', 'submission', 'first_reading', 'consultation', 'second_reading', 'third_reading', 'vote', 'approval', 'promulgation'];
    for (const [i, to] of path.entries()) await other.walk(to, day(`2026-03-${String(i + 10)}`));
    await withTransaction(sqliteEngine(db), (tx) => appendTransitionOn(tx, { billId: other.billId, from: 'promulgation', to: 'filing', note: '已公布', actorId: other.coordinator.id, at: day('2026-05-08') }));
    expect(await billDeadlines(sqliteEngine(db), billOf(other.billId), '2026-05-11')).toEqual([{ kind: 'filing_due', dueOn: '2026-06-07', daysLeft: 27, overdue: false }]);
    expect(await billDeadlines(sqliteEngine(db), billOf(b.billId), '2026-05-11')).toEqual([
      { kind: 'filing_due', dueOn: '2026-05-31', daysLeft: 20, overdue: false },
      { kind: 'effect_due', dueOn: '2026-05-31', daysLeft: 20, overdue: false },
    ]);
  });
});
