import { sqliteEngine } from '@/db/engine';
import { afterAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { billTransitions } from '@/db/schema';
import { freshDatabase } from '@/db/testing';
import type { BillStage } from '@/lib/shared';
import { readBillRecord, stageEntryDays } from './readBillRecord';
import { recordVote } from './recordVote';
import { billWithPeople } from './testing/billAtStage';

const { db, cleanup } = freshDatabase();
afterAll(cleanup);

const day = (iso: string) => new Date(`${iso}T02:00:00Z`);
const moves = (billId: string) => db.select().from(billTransitions).where(eq(billTransitions.billId, billId)).orderBy(asc(billTransitions.seq)).all();

describe('stageEntryDays', () => {
  it('gives the China date each stage was last entered', () => {
    expect(
      stageEntryDays([
        { toStage: 'drafting', at: new Date('2026-01-04T16:30:00Z') },
        { toStage: 'submission', at: day('2026-01-06') },
        { toStage: 'drafting', at: day('2026-01-09') },
      ]),
    ).toEqual({ drafting: '2026-01-09', submission: '2026-01-06' });
    expect(stageEntryDays([{ toStage: 'drafting', at: new Date('2026-01-04T16:30:00Z') }])).toEqual({ drafting: '2026-01-05' });
    expect(stageEntryDays([])).toEqual({});
  });
});

describe('readBillRecord', () => {
  it('reads a bill that went round twice: the last entry of each stage, the last passing vote, the last 表决稿 and consultation', async () => {
    const b = await billWithPeople(db);
    const steps: [BillStage, Date][] = [
      // Half past midnight in Beijing on 5 January, still the 4th in UTC.
      ['drafting', new Date('2026-01-04T16:30:00Z')],
      ['submission', day('2026-01-06')],
      ['first_reading', day('2026-01-07')],
      ['consultation', day('2026-01-08')],
      ['second_reading', day('2026-02-10')],
      ['first_reading', day('2026-02-11')],
      ['consultation', day('2026-02-12')],
      ['second_reading', day('2026-03-14')],
      ['third_reading', day('2026-03-15')],
      ['vote', day('2026-03-16')],
      ['approval', day('2026-03-17')],
      ['second_reading', day('2026-03-20')],
      ['third_reading', day('2026-03-21')],
      ['vote', day('2026-03-22')],
    ];
    for (const [to, at] of steps) await b.walk(to, at, { reason: '再议' });
    // The second vote passes just after midnight in Beijing on the 23rd; a later vote fails.
    await recordVote(sqliteEngine(db), b.coordinator, b.billId, { for: 40, against: 10, abstain: 3, present: 53, composition: 60 }, new Date('2026-03-22T16:30:00Z'));
    await recordVote(sqliteEngine(db), b.coordinator, b.billId, { for: 20, against: 30, abstain: 3, present: 53, composition: 60 }, day('2026-03-24'));
    const record = moves(b.billId);
    const votes = record.filter((m) => m.toStage === 'vote').map((m) => m.versionId);
    const consultations = record.filter((m) => m.toStage === 'consultation').map((m) => m.consultationId);
    expect(votes).toHaveLength(2);
    expect(new Set([...votes, ...consultations]).size).toBe(4);
    expect(await readBillRecord(sqliteEngine(db), b.billId)).toEqual({
      enteredOn: {
        drafting: '2026-01-05',
        submission: '2026-01-06',
        first_reading: '2026-02-11',
        consultation: '2026-02-12',
        second_reading: '2026-03-20',
        third_reading: '2026-03-21',
        vote: '2026-03-22',
        approval: '2026-03-17',
      },
      passedVoteOn: '2026-03-23',
      votedVersionId: votes[1],
      consultationId: consultations[1],
    });
  });

  it('reads a bill with no moves or votes as empty, whatever other bills hold', async () => {
    const walked = await billWithPeople(db);
    for (const [to, d] of [['drafting', '2026-01-05'], ['submission', '2026-01-06'], ['first_reading', '2026-01-07'], ['consultation', '2026-01-08']] as const) await walked.walk(to, day(d));
    const fresh = await billWithPeople(db);
    expect(await readBillRecord(sqliteEngine(db), fresh.billId)).toEqual({ enteredOn: {}, passedVoteOn: null, votedVersionId: null, consultationId: null });
  });

  it('keeps the consultation after later moves that open none, and has no vote day while no vote passed', async () => {
    const b = await billWithPeople(db);
    for (const [to, d] of [['drafting', '2026-01-05'], ['submission', '2026-01-06'], ['first_reading', '2026-01-07'], ['consultation', '2026-01-08'], ['second_reading', '2026-02-10'], ['third_reading', '2026-02-11'], ['vote', '2026-02-12']] as const) await b.walk(to, day(d));
    await recordVote(sqliteEngine(db), b.coordinator, b.billId, { for: 20, against: 30, abstain: 3, present: 53, composition: 60 }, day('2026-02-13'));
    const record = moves(b.billId);
    expect(await readBillRecord(sqliteEngine(db), b.billId)).toMatchObject({
      passedVoteOn: null,
      votedVersionId: record.find((m) => m.toStage === 'vote')!.versionId,
      consultationId: record.find((m) => m.toStage === 'consultation')!.consultationId,
    });
    expect((await readBillRecord(sqliteEngine(db), b.billId)).votedVersionId).not.toBeNull();
    expect((await readBillRecord(sqliteEngine(db), b.billId)).consultationId).not.toBeNull();
  });

  it('keeps the 表决稿 frozen on entering 表决 after the bill passed the vote and moved on to 批准', async () => {
    const b = await billWithPeople(db);
    for (const [to, d] of [['drafting', '2026-01-05'], ['submission', '2026-01-06'], ['first_reading', '2026-01-07'], ['consultation', '2026-01-08'], ['second_reading', '2026-02-10'], ['third_reading', '2026-02-11'], ['vote', '2026-02-12'], ['approval', '2026-02-14']] as const) await b.walk(to, day(d));
    const record = moves(b.billId);
    const voted = record.find((m) => m.toStage === 'vote')!.versionId;
    expect(voted).not.toBeNull();
    expect(record.at(-1)).toMatchObject({ toStage: 'approval', versionId: null });
    expect(await readBillRecord(sqliteEngine(db), b.billId)).toEqual({
      enteredOn: {
        drafting: '2026-01-05',
        submission: '2026-01-06',
        first_reading: '2026-01-07',
        consultation: '2026-01-08',
        second_reading: '2026-02-10',
        third_reading: '2026-02-11',
        vote: '2026-02-12',
        approval: '2026-02-14',
      },
      passedVoteOn: '2026-02-14',
      votedVersionId: voted,
      consultationId: record.find((m) => m.toStage === 'consultation')!.consultationId,
    });
  });
});
