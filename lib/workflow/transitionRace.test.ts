import { sqliteEngine } from '@/db/engine';
import { afterAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { billTransitions } from '@/db/schema';
import { freshDatabase } from '@/db/testing';
import { transitionBill } from './transitionBill';
import { billWithPeople } from './testing/billAtStage';
import { outcome } from './testing/outcome';
import { raceProcess, raceUnderLock } from './testing/raceProcess';

const { db, file, cleanup } = freshDatabase();
afterAll(cleanup);

describe('transitionBill under contention', () => {
  it('lets exactly one of two processes moving the same bill at once win; the other gets stage_changed', async () => {
    const b = await billWithPeople(db);
    const race = (actor: unknown) => raceProcess('lib/workflow/testing/raceWorkflow.ts', ['transition', file, b.billId, JSON.stringify(actor)]);
    // Both reach their transactions while the write lock is held, and go on once it is let go.
    const results = await raceUnderLock(file, () => [race(b.coordinator), race(b.admin)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, code: 'stage_changed', message: 'stage_changed' }]);
    // A third mover in this process, who also still thinks the bill is at 立项, is refused too.
    expect(await outcome(() => transitionBill(sqliteEngine(db), b.coordinator, b.billId, { to: 'drafting', expectedStage: 'proposal', note: '第三次推进' }))).toBe('stage_changed:stage_changed');
    // The winner's move stands: the bill moves on from 起草, here through the same transaction.
    expect(await outcome(() => transitionBill(sqliteEngine(db), b.coordinator, b.billId, { to: 'submission', expectedStage: 'drafting', note: '提请审议' }))).toBe('ok');
    expect(db.select().from(billTransitions).where(eq(billTransitions.billId, b.billId)).all().map((t) => t.toStage)).toEqual(['drafting', 'submission']);
  }, 30_000);
});
