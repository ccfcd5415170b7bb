import { sqliteEngine } from '@/db/engine';
import { afterAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { auditEvents, billVotes, notifications } from '@/db/schema';
import { freshDatabase } from '@/db/testing';
import { recordVote } from './recordVote';
import { billWithPeople } from './testing/billAtStage';
import { caught } from './testing/outcome';

const { db, cleanup } = freshDatabase();
afterAll(cleanup);

const day = (iso: string) => new Date(`${iso}T02:00:00Z`);
const atVote = async () => {
  const b = await billWithPeople(db);
  for (const [to, d] of [['drafting', '01-05'], ['submission', '01-06'], ['first_reading', '01-07'], ['consultation', '01-08'], ['second_reading', '02-10'], ['third_reading', '02-15'], ['vote', '02-20']] as const) await b.walk(to, day(`2026-${d}`));
  return b;
};
const lastAudit = (billId: string) => db.select().from(auditEvents).where(eq(auditEvents.targetId, billId)).orderBy(desc(auditEvents.id)).get()!;

describe('recordVote', () => {
  it('refuses a vote on a bill not at 表决 with vote_not_open naming its stage, and records nothing', async () => {
    const b = await billWithPeople(db);
    await b.walk('drafting', day('2026-01-05'));
    expect(await caught(() => recordVote(sqliteEngine(db), b.coordinator, b.billId, { for: 10, against: 0, abstain: 0 }))).toEqual({ code: 'conflict', message: 'vote_not_open', details: { stage: 'drafting' } });
    expect(db.select().from(billVotes).where(eq(billVotes.billId, b.billId)).all()).toEqual([]);
  });

  it('counts those present as for + against + abstaining when not given, and the body as those present', async () => {
    const b = await atVote();
    // 3 of 7 is not more than half.
    const r = await recordVote(sqliteEngine(db), b.coordinator, b.billId, { for: 3, against: 2, abstain: 2 }, day('2026-02-21'));
    expect(r.passed).toBe(false);
    const row = db.select().from(billVotes).where(eq(billVotes.id, r.id)).get()!;
    expect(row).toMatchObject({ composition: 7, present: 7, votesFor: 3, votesAgainst: 2, abstentions: 2, passed: false });
    // 4 of 7 is.
    expect((await recordVote(sqliteEngine(db), b.coordinator, b.billId, { for: 4, against: 2, abstain: 1 }, day('2026-02-21'))).passed).toBe(true);
  });

  it('writes an exact audit entry and tells the other members whether it passed', async () => {
    const b = await atVote();
    const at = day('2026-02-21');
    await recordVote(sqliteEngine(db), b.coordinator, b.billId, { for: 30, against: 20, abstain: 5, present: 55, composition: 60, articles: [{ eid: 'art_3', for: 31, against: 20, abstain: 4 }] }, at);
    const a = lastAudit(b.billId);
    expect(a).toMatchObject({ actorId: b.coordinator.id, action: 'bill.vote', targetType: 'bill', targetId: b.billId });
    expect(a.detail).toEqual({ billId: b.billId, composition: 60, present: 55, for: 30, against: 20, abstain: 5, passed: false, articles: [{ eid: 'art_3', for: 31, against: 20, abstain: 4, passed: true }] });
    const notice = db.select().from(notifications).where(and(eq(notifications.userId, b.editor.id), eq(notifications.billId, b.billId))).orderBy(desc(notifications.createdAt)).all().find((n) => n.detail.vote !== undefined)!;
    expect(notice.kind).toBe('stage_changed');
    expect(notice.detail).toEqual({ from: 'vote', to: 'vote', vote: 'failed', by: b.coordinator.name });
    expect(db.select().from(notifications).where(and(eq(notifications.userId, b.coordinator.id), eq(notifications.billId, b.billId))).all().filter((n) => n.detail.vote !== undefined)).toEqual([]);
  });

  it('tells the other members that a vote with a majority of the whole body passed', async () => {
    const b = await atVote();
    await recordVote(sqliteEngine(db), b.coordinator, b.billId, { for: 31, against: 20, abstain: 4, present: 55, composition: 60 }, day('2026-02-21'));
    const votes = db.select().from(notifications).where(and(eq(notifications.userId, b.reviewer.id), eq(notifications.billId, b.billId))).all().filter((n) => n.detail.vote !== undefined);
    expect(votes.map((n) => n.detail)).toEqual([{ from: 'vote', to: 'vote', vote: 'passed', by: b.coordinator.name }]);
  });

  it('refuses a tally that does not add up, naming the count at fault, and records nothing', async () => {
    const b = await atVote();
    const refusal = (message: string, path: string) => ({ code: 'validation_failed', message, details: { fields: [{ path, message }] } });
    // More votes cast (10 + 1) than present (10).
    expect(await caught(() => recordVote(sqliteEngine(db), b.coordinator, b.billId, { for: 10, against: 1, abstain: 0, present: 10, composition: 60 }))).toEqual(refusal('vote_exceeds_present', 'present'));
    // More present (10) than the body has (8).
    expect(await caught(() => recordVote(sqliteEngine(db), b.coordinator, b.billId, { for: 5, against: 0, abstain: 0, present: 10, composition: 8 }))).toEqual(refusal('vote_present_exceeds_composition', 'composition'));
    // The second article voted on separately has 5 + 4 + 2 votes with 10 present.
    const articles = [
      { eid: 'art_1', for: 5, against: 4, abstain: 1 },
      { eid: 'art_2', for: 5, against: 4, abstain: 2 },
    ];
    expect(await caught(() => recordVote(sqliteEngine(db), b.coordinator, b.billId, { for: 6, against: 2, abstain: 0, present: 10, composition: 12, articles }))).toEqual(refusal('vote_exceeds_present', 'articles.1'));
    // All three at once are all named, in that order.
    expect(await caught(() => recordVote(sqliteEngine(db), b.coordinator, b.billId, { for: 9, against: 2, abstain: 0, present: 10, composition: 8, articles }))).toEqual({
      code: 'validation_failed',
      message: 'vote_exceeds_present',
      details: {
        fields: [
          { path: 'present', message: 'vote_exceeds_present' },
          { path: 'composition', message: 'vote_present_exceeds_composition' },
          { path: 'articles.1', message: 'vote_exceeds_present' },
        ],
      },
    });
    expect(db.select().from(billVotes).where(eq(billVotes.billId, b.billId)).all()).toEqual([]);
    // At the limits the tally is taken: 10 cast of 10 present, 10 present of a body of 10, an article with 10 votes.
    const full = [{ eid: 'art_1', for: 6, against: 3, abstain: 1 }];
    expect(await recordVote(sqliteEngine(db), b.coordinator, b.billId, { for: 6, against: 3, abstain: 1, present: 10, composition: 10, articles: full }, day('2026-02-21'))).toMatchObject({ passed: true, articles: [{ eid: 'art_1', passed: true }] });
  });
});
