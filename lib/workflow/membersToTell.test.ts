import { sqliteEngine } from '@/db/engine';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '@/db/testing';
import { membersToTell } from './membersToTell';
import { requestSignoff } from './requestSignoff';
import { billWithPeople } from './testing/billAtStage';

const { db, cleanup } = freshDatabase();
afterAll(cleanup);

const sorted = (ids: string[]) => [...ids].sort();

describe('membersToTell', () => {
  it("gives the ids of exactly this bill's members, leaving out the one who made the change", async () => {
    const b = await billWithPeople(db, 'government_rule');
    const other = await billWithPeople(db, 'government_rule');
    const all = sorted([b.coordinator.id, b.editor.id, b.reviewer.id]);
    expect(sorted(await membersToTell(sqliteEngine(db), b.billId))).toEqual(all);
    expect(sorted(await membersToTell(sqliteEngine(db), b.billId, b.coordinator.id))).toEqual(sorted([b.editor.id, b.reviewer.id]));
    // Leaving out someone not on the bill leaves everyone in.
    expect(sorted(await membersToTell(sqliteEngine(db), b.billId, other.coordinator.id))).toEqual(all);
    expect(sorted(await membersToTell(sqliteEngine(db), other.billId, other.reviewer.id))).toEqual(sorted([other.coordinator.id, other.editor.id]));
  });

  it('includes a reviewer who joined by being asked for a sign-off', async () => {
    const b = await billWithPeople(db, 'government_rule');
    for (const [to, d] of [['drafting', '2026-03-01'], ['consultation', '2026-03-02'], ['legality_review', '2026-04-10']] as const) await b.walk(to, new Date(`${d}T02:00:00Z`));
    await requestSignoff(sqliteEngine(db), b.coordinator, b.billId, { stage: 'legality_review', reviewerEmail: b.independent.email });
    expect(sorted(await membersToTell(sqliteEngine(db), b.billId, b.editor.id))).toEqual(sorted([b.coordinator.id, b.reviewer.id, b.independent.id]));
  });
});
