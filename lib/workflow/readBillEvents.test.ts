import { sqliteEngine } from '@/db/engine';
import { afterAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { billAttachments, billSignoffs, billTransitions, billVotes } from '@/db/schema';
import { freshDatabase } from '@/db/testing';
import { draftTextMark } from '@/lib/drafting';
import { attachToBill } from './attachToBill';
import { decideSignoff } from './decideSignoff';
import { readBillEvents } from './readBillEvents';
import { requestSignoff } from './requestSignoff';
import { atLegalityReview } from './testing/atLegalityReview';
import { billWithPeople } from './testing/billAtStage';

const { db, cleanup } = freshDatabase();
afterAll(cleanup);

const day = (iso: string) => new Date(`${iso}T02:00:00Z`);
const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const moves = (billId: string) => db.select().from(billTransitions).where(eq(billTransitions.billId, billId)).orderBy(asc(billTransitions.seq)).all();
const vote = (billId: string, at: Date, votesFor: number) => {
  const row = { id: crypto.randomUUID(), billId, composition: 60, present: 55, votesFor, votesAgainst: 55 - votesFor, abstentions: 0, passed: votesFor > 30, articles: [], recordedBy: null, at };
  db.insert(billVotes).values(row).run();
  return row;
};

describe('readBillEvents', () => {
  it("reads a bill's moves, sign-offs, files and votes exactly, oldest first, and nothing of another bill's", async () => {
    const b = await atLegalityReview(db);
    const other = await atLegalityReview(db);
    // The other bill has events of every kind too.
    await requestSignoff(sqliteEngine(db), other.coordinator, other.billId, { stage: 'executive_meeting', reviewerEmail: other.reviewer.email }, day('2026-04-11'));
    await attachToBill(sqliteEngine(db), other.coordinator, other.billId, { name: '别的.pdf', bytes: pdf }, day('2026-04-11'));
    vote(other.billId, day('2026-04-11'), 50);

    const asked = await requestSignoff(sqliteEngine(db), b.coordinator, b.billId, { stage: 'executive_meeting', reviewerEmail: b.reviewer.email, note: '请审核' }, day('2026-04-12'));
    // A sign-off given unasked, earlier than the request: no one asked for it.
    const unasked = await decideSignoff(sqliteEngine(db), b.reviewer, b.billId, { stage: 'legality_review', decision: 'approve', note: '合法' }, day('2026-04-11'));
    const [m1, m2, m3] = moves(b.billId);
    const later = await attachToBill(sqliteEngine(db), b.coordinator, b.billId, { name: '审查意见.pdf', bytes: pdf }, day('2026-04-14'));
    const earlier = await attachToBill(sqliteEngine(db), b.admin, b.billId, { name: '起草说明.pdf', bytes: pdf, transitionId: m3.id }, day('2026-04-13'));
    const v2 = vote(b.billId, day('2026-04-16'), 20);
    const v1 = vote(b.billId, day('2026-04-15'), 40);
    const mark = await draftTextMark(sqliteEngine(db), b.draftId);

    const events = await readBillEvents(sqliteEngine(db), b.billId);
    expect(events.history).toEqual([
      { id: m1.id, seq: 1, at: '2026-03-01T02:00:00.000Z', actor: '王牵头', from: 'proposal', to: 'drafting', note: '进入drafting', reason: null, versionId: null, consultationId: null },
      { id: m2.id, seq: 2, at: '2026-03-02T02:00:00.000Z', actor: '王牵头', from: 'drafting', to: 'consultation', note: '进入consultation', reason: null, versionId: m2.versionId, consultationId: m2.consultationId },
      { id: m3.id, seq: 3, at: '2026-04-10T02:00:00.000Z', actor: '王牵头', from: 'consultation', to: 'legality_review', note: '进入legality_review', reason: null, versionId: null, consultationId: null },
    ]);
    expect(m2.versionId).not.toBeNull();
    expect(m2.consultationId).not.toBeNull();
    expect(events.signoffs).toEqual([
      {
        id: unasked.id, billId: b.billId, stage: 'legality_review', requestedBy: null, reviewerId: b.reviewer.id, requestNote: '', requestedAt: day('2026-04-11'),
        decision: 'approve', note: '合法', textMark: mark, decidedAt: day('2026-04-11'), transitionId: null, reviewerName: '赵审核', requesterName: null,
      },
      {
        id: asked.id, billId: b.billId, stage: 'executive_meeting', requestedBy: b.coordinator.id, reviewerId: b.reviewer.id, requestNote: '请审核', requestedAt: day('2026-04-12'),
        decision: null, note: null, textMark: null, decidedAt: null, transitionId: null, reviewerName: '赵审核', requesterName: '王牵头',
      },
    ]);
    expect(events.attachments).toEqual([
      { id: earlier.id, name: '起草说明.pdf', mediaType: 'application/pdf', size: pdf.byteLength, sha256: earlier.sha256, transitionId: m3.id, at: '2026-04-13T02:00:00.000Z' },
      { id: later.id, name: '审查意见.pdf', mediaType: 'application/pdf', size: pdf.byteLength, sha256: later.sha256, transitionId: null, at: '2026-04-14T02:00:00.000Z' },
    ]);
    expect(events.votes).toEqual([v1, v2]);
  });

  it('orders sign-offs by when they were asked and files by when they were kept, not by id or by when written', async () => {
    const b = await billWithPeople(db);
    // Ids run against time, and rows are written in neither order.
    const at = ['2026-01-03', '2026-01-01', '2026-01-02'];
    const ids = { '2026-01-01': 'c', '2026-01-02': 'b', '2026-01-03': 'a' } as Record<string, string>;
    for (const d of at) {
      db.insert(billSignoffs).values({ id: `signoff-${ids[d]}`, billId: b.billId, stage: 'vote', requestedBy: b.coordinator.id, reviewerId: b.reviewer.id, requestedAt: day(d) }).run();
      db.insert(billAttachments).values({ id: `file-${ids[d]}`, billId: b.billId, name: `${d}.pdf`, mediaType: 'application/pdf', size: 1, sha256: '0', body: Buffer.from('%'), at: day(d) }).run();
    }
    const events = await readBillEvents(sqliteEngine(db), b.billId);
    expect(events.signoffs.map((s) => s.id)).toEqual(['signoff-c', 'signoff-b', 'signoff-a']);
    expect(events.attachments.map((a) => [a.id, a.name])).toEqual([['file-c', '2026-01-01.pdf'], ['file-b', '2026-01-02.pdf'], ['file-a', '2026-01-03.pdf']]);
  });

  it('lists a move whose maker is not recorded, with no name', async () => {
    const b = await billWithPeople(db);
    await b.walk('drafting', day('2026-01-05'));
    db.update(billTransitions).set({ actorId: null }).where(eq(billTransitions.billId, b.billId)).run();
    expect((await readBillEvents(sqliteEngine(db), b.billId)).history.map((h) => [h.seq, h.to, h.actor])).toEqual([[1, 'drafting', null]]);
  });

  it('reads a bill with nothing on its record as empty', async () => {
    const b = await billWithPeople(db);
    expect(await readBillEvents(sqliteEngine(db), b.billId)).toEqual({ history: [], signoffs: [], votes: [], attachments: [] });
  });
});
