import { sqliteEngine } from '@/db/engine';
import * as Y from 'yjs';
import { afterAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { billMembers, billTransitions } from '@/db/schema';
import { freshDatabase } from '@/db/testing';
import type { CurrentUser } from '@/lib/auth';
import { appendDraftUpdate } from '@/lib/drafting';
import type { BillStage } from '@/lib/shared';
import { attachToBill } from './attachToBill';
import { decideSignoff } from './decideSignoff';
import { getBillWorkflow } from './getBillWorkflow';
import type { TransitionPlan } from './planTransition';
import { recordVote } from './recordVote';
import { requestSignoff } from './requestSignoff';
import { atLegalityReview } from './testing/atLegalityReview';
import { billWithPeople } from './testing/billAtStage';
import { outcome } from './testing/outcome';
import { transitionBill } from './transitionBill';

const { db, cleanup } = freshDatabase();
afterAll(cleanup);

const day = (iso: string) => new Date(`${iso}T02:00:00Z`);
const pdf = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');
type People = Awaited<ReturnType<typeof billWithPeople>>;

/// A move as `getBillWorkflow` lists it, with the plan's defaults for a plain move.
const move = (to: BillStage, kind: TransitionPlan['kind'], extra: Partial<TransitionPlan> = {}) => ({
  to,
  plan: { kind, skipped: [], needsReason: kind !== 'forward', signoffs: [], needsPassedVote: false, freeze: null, opensConsultation: false, ...extra },
});
const ends = [await move('withdrawn', 'end'), await move('shelved', 'end')];
const member = (u: CurrentUser, role: 'coordinator' | 'editor' | 'reviewer') => ({ userId: u.id, name: u.name, email: u.email, role, accountRole: u.role });
/// The members as the page lists them, by name: 李编辑, 王牵头, 赵审核.
const members = (b: People) => [member(b.editor, 'editor'), member(b.coordinator, 'coordinator'), member(b.reviewer, 'reviewer')];
const record = (billId: string) => db.select().from(billTransitions).where(eq(billTransitions.billId, billId)).orderBy(asc(billTransitions.seq)).all();

describe('getBillWorkflow', () => {
  it('shows a bill at 立项 exactly: the path ahead, no record yet, and to its coordinator the moves forward and to the ends', async () => {
    const b = await billWithPeople(db);
    const later = ['submission', 'first_reading', 'consultation', 'second_reading', 'third_reading', 'vote', 'approval', 'promulgation', 'filing', 'done'] as const;
    const expected = {
      id: b.billId,
      title: '测试条例',
      kind: 'local_regulation',
      stage: 'proposal',
      draftId: b.draftId,
      coordinator: { userId: b.coordinator.id, name: '王牵头' },
      path: [{ stage: 'proposal', state: 'current' }, { stage: 'drafting', state: 'next' }, ...later.map((stage) => ({ stage, state: 'later' }))],
      deadlines: [],
      history: [],
      signoffs: [],
      attachments: [],
      votes: [],
      moves: [await move('drafting', 'forward'), ...ends],
      signoffStages: [],
      decidable: [],
      mayTransition: true,
      maySignoff: false,
      members: members(b),
    };
    expect(await getBillWorkflow(sqliteEngine(db), b.coordinator, b.billId, day('2026-01-01'))).toEqual(expected);
    // An editor and a reviewer see the same bill but may not move it.
    expect(await getBillWorkflow(sqliteEngine(db), b.editor, b.billId, day('2026-01-01'))).toEqual({ ...expected, moves: [], mayTransition: false });
    expect(await getBillWorkflow(sqliteEngine(db), b.reviewer, b.billId, day('2026-01-01'))).toEqual({ ...expected, moves: [], mayTransition: false, maySignoff: true });
    // An admin off the bill may move it.
    expect(await getBillWorkflow(sqliteEngine(db), b.admin, b.billId, day('2026-01-01'))).toEqual({ ...expected, maySignoff: true });
  });

  it('refuses the signed-out and, as if it did not exist, those not on the bill', async () => {
    const b = await billWithPeople(db);
    expect(await outcome(() => getBillWorkflow(sqliteEngine(db), null, b.billId))).toBe('unauthenticated:unauthenticated');
    expect(await outcome(() => getBillWorkflow(sqliteEngine(db), b.outsider, b.billId))).toBe('not_found:bill_not_found');
    expect(await outcome(() => getBillWorkflow(sqliteEngine(db), b.independent, b.billId))).toBe('not_found:bill_not_found');
  });

  it('at 二审 lists the next stage, the skip past 三审 with its sign-off, the way back nearest first, then the ends', async () => {
    const b = await billWithPeople(db);
    const steps = [['drafting', '2026-01-05'], ['submission', '2026-01-06'], ['first_reading', '2026-01-07'], ['consultation', '2026-01-08'], ['second_reading', '2026-01-20']] as const;
    for (const [to, d] of steps) await b.walk(to, day(d));
    const file = await attachToBill(sqliteEngine(db), b.coordinator, b.billId, { name: '审议意见.pdf', bytes: pdf }, day('2026-01-21'));
    const flow = await getBillWorkflow(sqliteEngine(db), b.coordinator, b.billId, day('2026-02-01'));
    expect(flow.attachments).toEqual([{ id: file.id, name: '审议意见.pdf', mediaType: 'application/pdf', size: pdf.byteLength, sha256: file.sha256, transitionId: null, at: '2026-01-21T02:00:00.000Z' }]);
    expect(flow.moves).toEqual([
      await move('third_reading', 'forward'),
      await move('vote', 'skip', { skipped: ['third_reading'], signoffs: [{ stage: 'vote', rule: 'four_eyes' }], freeze: '表决稿' }),
      // Going back to 征求意见 or 一审 freezes that stage's version again; 征求意见 opens a new consultation.
      await move('consultation', 'back', { freeze: '征求意见稿', opensConsultation: true }),
      await move('first_reading', 'back', { freeze: '一审稿' }),
      await move('submission', 'back'),
      await move('drafting', 'back'),
      await move('proposal', 'back'),
      ...ends,
    ]);
    expect(flow.signoffStages).toEqual(['vote']);
    expect(flow.decidable).toEqual([]);
    expect(flow.path.map((p) => p.state)).toEqual(['done', 'done', 'done', 'done', 'done', 'current', 'next', 'later', 'later', 'later', 'later', 'later']);
    // The consultation opened on 8 January still runs until 6 February.
    expect(flow.deadlines).toEqual([{ kind: 'consultation_closes', dueOn: '2026-02-06', daysLeft: 5, overdue: false }]);
    expect(flow.history.map((h) => [h.seq, h.from, h.to, h.at, h.actor])).toEqual([
      [1, 'proposal', 'drafting', '2026-01-05T02:00:00.000Z', '王牵头'],
      [2, 'drafting', 'submission', '2026-01-06T02:00:00.000Z', '王牵头'],
      [3, 'submission', 'first_reading', '2026-01-07T02:00:00.000Z', '王牵头'],
      [4, 'first_reading', 'consultation', '2026-01-08T02:00:00.000Z', '王牵头'],
      [5, 'consultation', 'second_reading', '2026-01-20T02:00:00.000Z', '王牵头'],
    ]);
    // The reviewer on the bill may give the sign-off the skip needs; an admin off the bill may not.
    expect(await getBillWorkflow(sqliteEngine(db), b.reviewer, b.billId, day('2026-02-01'))).toMatchObject({ decidable: ['vote'], signoffStages: ['vote'], moves: [], maySignoff: true, mayTransition: false });
    expect(await getBillWorkflow(sqliteEngine(db), b.admin, b.billId, day('2026-02-01'))).toMatchObject({ decidable: [], signoffStages: ['vote'], maySignoff: true, mayTransition: true });
    // The deadlines are counted from the day given.
    expect((await getBillWorkflow(sqliteEngine(db), b.coordinator, b.billId, day('2026-02-07'))).deadlines).toEqual([]);
  });

  it('at 合法性审查 offers the reviewer both sign-offs until one is asked of them, and says whether an approval still holds', async () => {
    const b = await atLegalityReview(db);
    const now = day('2026-04-15');
    const view = (who: CurrentUser) => getBillWorkflow(sqliteEngine(db), who, b.billId, now);
    expect((await view(b.coordinator)).moves.slice(0, 1)).toEqual([
      await move('executive_meeting', 'forward', { signoffs: [{ stage: 'legality_review', rule: 'independent' }, { stage: 'executive_meeting', rule: 'four_eyes' }] }),
    ]);
    expect((await view(b.coordinator)).moves.map((m) => m.to)).toEqual(['executive_meeting', 'consultation', 'drafting', 'proposal', 'withdrawn', 'shelved']);
    expect(await view(b.reviewer)).toMatchObject({ signoffStages: ['legality_review', 'executive_meeting'], decidable: ['legality_review', 'executive_meeting'] });
    expect(await view(b.editor)).toMatchObject({ signoffStages: ['legality_review', 'executive_meeting'], decidable: [], maySignoff: false });

    const asked = await requestSignoff(sqliteEngine(db), b.coordinator, b.billId, { stage: 'executive_meeting', reviewerEmail: b.reviewer.email, note: '请审核' }, day('2026-04-11'));
    const pending = {
      id: asked.id,
      stage: 'executive_meeting',
      reviewer: '赵审核',
      reviewerId: b.reviewer.id,
      requestedBy: '王牵头',
      requestNote: '请审核',
      decision: null,
      note: null,
      requestedAt: '2026-04-11T02:00:00.000Z',
      decidedAt: null,
      used: false,
      holds: false,
    };
    expect(await view(b.reviewer)).toMatchObject({ decidable: ['executive_meeting'], signoffs: [pending] });
    // Asked of someone else, the request leaves 赵 free to sign either.
    const other = await requestSignoff(sqliteEngine(db), b.coordinator, b.billId, { stage: 'legality_review', reviewerEmail: b.independent.email, note: '' }, day('2026-04-12'));
    expect(await view(b.independent)).toMatchObject({ decidable: ['legality_review'] });
    expect((await view(b.reviewer)).decidable).toEqual(['executive_meeting']);

    await decideSignoff(sqliteEngine(db), b.reviewer, b.billId, { stage: 'executive_meeting', decision: 'approve', note: '同意' }, day('2026-04-13'));
    const approved = { ...pending, decision: 'approve', note: '同意', decidedAt: '2026-04-13T02:00:00.000Z', holds: true };
    const legality = { ...pending, id: other.id, stage: 'legality_review', reviewer: '钱审查', reviewerId: b.independent.id, requestNote: '', requestedAt: '2026-04-12T02:00:00.000Z' };
    expect((await view(b.coordinator)).signoffs).toEqual([approved, legality]);
    // Nothing is asked of 赵 any more: any needed sign-off may be given.
    expect((await view(b.reviewer)).decidable).toEqual(['legality_review', 'executive_meeting']);
    // Someone types in the draft: the approval no longer holds.
    appendDraftUpdate(db, { draftId: b.draftId, update: Y.encodeStateAsUpdate(new Y.Doc()), userId: b.editor.id });
    expect((await view(b.coordinator)).signoffs).toEqual([{ ...approved, holds: false }, legality]);
    // A rejection never holds.
    await decideSignoff(sqliteEngine(db), b.independent, b.billId, { stage: 'legality_review', decision: 'reject', note: '不合法' }, day('2026-04-14'));
    expect((await view(b.coordinator)).signoffs[1]).toEqual({ ...legality, decision: 'reject', note: '不合法', decidedAt: '2026-04-14T02:00:00.000Z' });
  });

  it('forgets a request for a sign-off the bill no longer needs once it was sent back', async () => {
    const b = await atLegalityReview(db);
    await requestSignoff(sqliteEngine(db), b.coordinator, b.billId, { stage: 'executive_meeting', reviewerEmail: b.reviewer.email }, day('2026-04-11'));
    await transitionBill(sqliteEngine(db), b.coordinator, b.billId, { to: 'consultation', expectedStage: 'legality_review', note: '退回', reason: '需再次征求意见' }, day('2026-04-12'));
    const flow = await getBillWorkflow(sqliteEngine(db), b.reviewer, b.billId, day('2026-04-13'));
    expect(flow).toMatchObject({ stage: 'consultation', signoffStages: [], decidable: [] });
    expect(flow.signoffs.map((s) => [s.stage, s.decision])).toEqual([['executive_meeting', null]]);
  });

  it('marks a sign-off used by the move it allowed, and shows the votes taken at 表决', async () => {
    const b = await billWithPeople(db);
    for (const [to, d] of [['drafting', '01-05'], ['submission', '01-06'], ['first_reading', '01-07'], ['consultation', '01-08'], ['second_reading', '02-10'], ['third_reading', '02-15'], ['vote', '02-20']] as const) await b.walk(to, day(`2026-${d}`));
    const now = day('2026-02-22');
    const flow = await getBillWorkflow(sqliteEngine(db), b.coordinator, b.billId, now);
    expect(flow.signoffs.map((s) => [s.stage, s.decision, s.used, s.holds])).toEqual([['vote', 'approve', true, false]]);
    // From 表决 a move on needs a passing vote; the sign-offs for 表决 are no longer needed.
    expect(flow.moves[0]).toEqual(await move('approval', 'forward', { needsPassedVote: true }));
    expect(flow.signoffStages).toEqual([]);
    await recordVote(sqliteEngine(db), b.coordinator, b.billId, { for: 30, against: 20, abstain: 5, present: 55, composition: 60, articles: [{ eid: 'art_3', for: 31, against: 20, abstain: 4 }] }, day('2026-02-21'));
    await recordVote(sqliteEngine(db), b.coordinator, b.billId, { for: 40, against: 10, abstain: 3 }, new Date('2026-02-21T03:00:00Z'));
    expect((await getBillWorkflow(sqliteEngine(db), b.coordinator, b.billId, now)).votes).toEqual([
      { at: '2026-02-21T02:00:00.000Z', composition: 60, present: 55, for: 30, against: 20, abstain: 5, passed: false, articles: [{ eid: 'art_3', for: 31, against: 20, abstain: 4, passed: true }] },
      { at: '2026-02-21T03:00:00.000Z', composition: 53, present: 53, for: 40, against: 10, abstain: 3, passed: true, articles: [] },
    ]);
    expect(record(b.billId)).toHaveLength(7);
  });

  it('shows a withdrawn bill where it stopped, with no moves left', async () => {
    const b = await billWithPeople(db, 'industry_norm');
    await b.walk('drafting', day('2026-01-05'));
    await transitionBill(sqliteEngine(db), b.coordinator, b.billId, { to: 'withdrawn', expectedStage: 'drafting', note: '撤回', reason: '不再需要' }, day('2026-01-06'));
    const flow = await getBillWorkflow(sqliteEngine(db), b.coordinator, b.billId, day('2026-01-07'));
    expect(flow).toMatchObject({ stage: 'withdrawn', moves: [], signoffStages: [], decidable: [], mayTransition: true });
    expect(flow.path).toEqual([
      { stage: 'proposal', state: 'done' },
      { stage: 'drafting', state: 'done' },
      { stage: 'consultation', state: 'later' },
      { stage: 'adoption', state: 'later' },
      { stage: 'promulgation', state: 'later' },
      { stage: 'done', state: 'later' },
      { stage: 'withdrawn', state: 'current' },
    ]);
  });

  it('shows no coordinator when the bill has none', async () => {
    const b = await billWithPeople(db);
    db.delete(billMembers).where(and(eq(billMembers.billId, b.billId), eq(billMembers.userId, b.coordinator.id))).run();
    const flow = await getBillWorkflow(sqliteEngine(db), b.admin, b.billId);
    expect(flow.coordinator).toBeNull();
    expect(flow.members.map((m) => m.role)).toEqual(['editor', 'reviewer']);
  });
});
