import { sqliteEngine } from '@/db/engine';
import * as Y from 'yjs';
import { afterAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { and, desc } from 'drizzle-orm';
import { auditEvents, billSignoffs, billTransitions, bills, consultations, draftVersions, notifications } from '@/db/schema';
import { freshDatabase } from '@/db/testing';
import { appendDraftUpdate } from '@/lib/drafting';
import { decideSignoff } from './decideSignoff';
import { getBillWorkflow } from './getBillWorkflow';
import { recordVote } from './recordVote';
import { requestSignoff } from './requestSignoff';
import { billWithPeople } from './testing/billAtStage';
import { caught, outcome } from './testing/outcome';
import { withTransaction } from '@/db/withTransaction';
import { appendTransitionOn } from './appendTransition';
import { transitionBill } from './transitionBill';

const { db, cleanup } = freshDatabase();
afterAll(cleanup);

const day = (iso: string) => new Date(`${iso}T02:00:00Z`);


const stageOf = (billId: string) => db.select({ stage: bills.stage }).from(bills).where(eq(bills.id, billId)).get()!.stage;
const moves = (billId: string) => db.select().from(billTransitions).where(eq(billTransitions.billId, billId)).all().length;

describe('transitionBill', () => {
  it('lets only the coordinator or an admin move a bill; others get 403, outsiders 404', async () => {
    const b = await billWithPeople(db);
    const move = (who: typeof b.coordinator) => outcome(() => transitionBill(sqliteEngine(db), who, b.billId, { to: 'drafting', expectedStage: 'proposal', note: '立项通过' }));
    expect(await move(b.editor)).toBe('forbidden:transition_forbidden');
    expect(await move(b.reviewer)).toBe('forbidden:transition_forbidden');
    expect(await move(b.outsider)).toBe('not_found:bill_not_found');
    expect(stageOf(b.billId)).toBe('proposal');
    expect(await move(b.admin)).toBe('ok');
    expect(stageOf(b.billId)).toBe('drafting');
    expect(await outcome(() => transitionBill(sqliteEngine(db), b.coordinator, b.billId, { to: 'submission', expectedStage: 'drafting', note: '提请审议' }))).toBe('ok');
  });

  it('refuses a skipped stage, a stale stage and a missing reason, and changes nothing', async () => {
    const b = await billWithPeople(db);
    const audits = db.select().from(auditEvents).all().length;
    expect(await outcome(() => transitionBill(sqliteEngine(db), b.coordinator, b.billId, { to: 'submission', expectedStage: 'proposal', note: '跳过起草' }))).toBe('transition_not_allowed:transition_not_allowed');
    expect(await outcome(() => transitionBill(sqliteEngine(db), b.coordinator, b.billId, { to: 'submission', expectedStage: 'drafting', note: '过时' }))).toBe('stage_changed:stage_changed');
    expect(await outcome(() => transitionBill(sqliteEngine(db), b.coordinator, b.billId, { to: 'shelved', expectedStage: 'proposal', note: '搁置' }))).toBe('validation_failed:transition_reason_required');
    expect(await outcome(() => transitionBill(sqliteEngine(db), b.coordinator, b.billId, { to: 'drafting', expectedStage: 'proposal', note: '' }))).toBe('validation_failed:transition_note_required');
    expect(stageOf(b.billId)).toBe('proposal');
    expect(moves(b.billId)).toBe(0);
    expect(db.select().from(auditEvents).all().length).toBe(audits);
  });

  it('freezes 一审稿 and 征求意见稿 and opens the consultation on that version', async () => {
    const b = await billWithPeople(db);
    await b.walk('drafting', day('2026-01-05'));
    await b.walk('submission', day('2026-01-06'));
    const first = await b.walk('first_reading', day('2026-01-07'));
    const consult = await b.walk('consultation', day('2026-01-08'));
    const names = db.select({ id: draftVersions.id, name: draftVersions.name }).from(draftVersions).where(eq(draftVersions.draftId, b.draftId)).all();
    expect(names.find((v) => v.id === first.versionId)?.name).toBe('一审稿');
    expect(names.find((v) => v.id === consult.versionId)?.name).toBe('征求意见稿');
    const c = db.select().from(consultations).where(eq(consultations.id, consult.consultationId!)).get()!;
    expect(c).toMatchObject({ versionId: consult.versionId, opensOn: '2026-01-08', closesOn: '2026-02-06' });
    const flow = await getBillWorkflow(sqliteEngine(db), b.coordinator, b.billId, day('2026-01-20'));
    expect(flow.deadlines).toEqual([{ kind: 'consultation_closes', dueOn: '2026-02-06', daysLeft: 17, overdue: false }]);
    expect(flow.path.slice(0, 6).map((p) => p.state)).toEqual(['done', 'done', 'done', 'done', 'current', 'next']);
  });

  it('needs a reviewer of the bill, not the asker nor an editor, to approve the unchanged text before the vote', async () => {
    const b = await billWithPeople(db);
    for (const [to, d] of [['drafting', '01-05'], ['submission', '01-06'], ['first_reading', '01-07'], ['consultation', '01-08'], ['second_reading', '02-10']] as const) await b.walk(to, day(`2026-${d}`));
    const toVote = () => outcome(() => transitionBill(sqliteEngine(db), b.coordinator, b.billId, { to: 'vote', expectedStage: 'second_reading', note: '付表决', reason: '二审后各方意见一致，不再三审' }, day('2026-02-20')));
    expect(await toVote()).toBe('signoff_required:signoff_required');
    expect(await outcome(() => requestSignoff(sqliteEngine(db), b.coordinator, b.billId, { stage: 'vote', reviewerEmail: b.editor.email }))).toBe('validation_failed:signoff_reviewer_invalid');
    expect(await outcome(() => requestSignoff(sqliteEngine(db), b.coordinator, b.billId, { stage: 'vote', reviewerEmail: b.coordinator.email }))).toBe('validation_failed:signoff_reviewer_invalid');
    expect(await outcome(() => decideSignoff(sqliteEngine(db), b.independent, b.billId, { stage: 'vote', decision: 'approve' }))).toBe('not_found:bill_not_found');
    expect(await outcome(() => decideSignoff(sqliteEngine(db), b.editor, b.billId, { stage: 'vote', decision: 'approve' }))).toBe('forbidden:signoff_forbidden');
    expect(await outcome(() => requestSignoff(sqliteEngine(db), b.coordinator, b.billId, { stage: 'first_reading', reviewerEmail: b.reviewer.email }))).toBe('conflict:signoff_not_needed');
    await requestSignoff(sqliteEngine(db), b.coordinator, b.billId, { stage: 'vote', reviewerEmail: b.reviewer.email, note: '请审核表决稿' });
    expect(db.select().from(notifications).where(eq(notifications.userId, b.reviewer.id)).all().map((n) => n.kind)).toContain('signoff_requested');
    await decideSignoff(sqliteEngine(db), b.reviewer, b.billId, { stage: 'vote', decision: 'approve', note: '同意' });
    // Someone types in the draft after the approval: it no longer holds.
    appendDraftUpdate(db, { draftId: b.draftId, update: Y.encodeStateAsUpdate(new Y.Doc()), userId: b.editor.id });
    expect(await toVote()).toBe('signoff_required:signoff_required');
    await decideSignoff(sqliteEngine(db), b.reviewer, b.billId, { stage: 'vote', decision: 'approve', note: '再次同意' });
    expect(await toVote()).toBe('ok');
    expect((await getBillWorkflow(sqliteEngine(db), b.coordinator, b.billId)).path.find((p) => p.stage === 'third_reading')?.state).toBe('skipped');
  });

  it('moves on from the vote only after a passing vote, counted against the whole body', async () => {
    const b = await billWithPeople(db);
    for (const [to, d] of [['drafting', '01-05'], ['submission', '01-06'], ['first_reading', '01-07'], ['consultation', '01-08'], ['second_reading', '02-10'], ['third_reading', '02-15'], ['vote', '02-20']] as const) await b.walk(to, day(`2026-${d}`));
    const toApproval = () => outcome(() => transitionBill(sqliteEngine(db), b.coordinator, b.billId, { to: 'approval', expectedStage: 'vote', note: '报请批准' }, day('2026-02-21')));
    expect(await toApproval()).toBe('conflict:vote_required');
    expect(await outcome(() => recordVote(sqliteEngine(db), b.coordinator, b.billId, { for: -1, against: 0, abstain: 0 }))).toBe('validation_failed:vote_count_invalid');
    expect(await outcome(() => recordVote(sqliteEngine(db), b.coordinator, b.billId, { for: 30, against: 10, abstain: 5, present: 40 }))).toBe('validation_failed:vote_exceeds_present');
    expect(await outcome(() => recordVote(sqliteEngine(db), b.editor, b.billId, { for: 30, against: 0, abstain: 0 }))).toBe('forbidden:transition_forbidden');
    const tie = await recordVote(sqliteEngine(db), b.coordinator, b.billId, { for: 30, against: 20, abstain: 5, present: 55, composition: 60, articles: [{ eid: 'art_3', for: 31, against: 20, abstain: 4 }] }, day('2026-02-20'));
    expect(tie).toMatchObject({ passed: false, articles: [{ eid: 'art_3', passed: true }] });
    expect(await toApproval()).toBe('conflict:vote_required');
    expect((await recordVote(sqliteEngine(db), b.coordinator, b.billId, { for: 31, against: 20, abstain: 4, present: 55, composition: 60 }, day('2026-02-20'))).passed).toBe(true);
    expect(await toApproval()).toBe('ok');
    const flow = await getBillWorkflow(sqliteEngine(db), b.coordinator, b.billId, day('2026-06-16'));
    expect(flow.deadlines).toEqual([{ kind: 'approval_due', dueOn: '2026-06-21', daysLeft: 5, overdue: false }]);
  });

  it('has a government rule signed for legality by a reviewer who is not an editor; leaving 公布 is publishing it, not a move', async () => {
    const b = await billWithPeople(db, 'government_rule');
    for (const [to, d] of [['drafting', '03-01'], ['consultation', '03-02'], ['legality_review', '04-10']] as const) await b.walk(to, day(`2026-${d}`));
    expect(await outcome(() => decideSignoff(sqliteEngine(db), b.editor, b.billId, { stage: 'legality_review', decision: 'approve' }))).toBe('forbidden:signoff_forbidden');
    await b.walk('executive_meeting', day('2026-04-20'));
    // Asked to sign the legality opinion, the independent reviewer joined the bill as a reviewer.
    expect((await getBillWorkflow(sqliteEngine(db), b.coordinator, b.billId)).members.find((m) => m.userId === b.independent.id)?.role).toBe('reviewer');
    await b.walk('promulgation', day('2026-04-25'));
    expect(await outcome(() => transitionBill(sqliteEngine(db), b.coordinator, b.billId, { to: 'filing', expectedStage: 'promulgation', note: '已公布' }))).toBe('transition_not_allowed:transition_not_allowed');
    const flow = await getBillWorkflow(sqliteEngine(db), b.coordinator, b.billId, day('2026-05-01'));
    expect(flow.moves.map((m) => m.plan.kind)).not.toContain('forward');
    expect(flow.history.map((h) => h.to)).toEqual(['drafting', 'consultation', 'legality_review', 'executive_meeting', 'promulgation']);
  });

  it('tells the other members of each move, in the same transaction', async () => {
    const b = await billWithPeople(db);
    await b.walk('drafting', day('2026-01-05'));
    const kinds = (userId: string) => db.select().from(notifications).where(eq(notifications.userId, userId)).all().filter((n) => n.billId === b.billId).map((n) => n.kind);
    expect(kinds(b.editor.id)).toEqual(['stage_changed']);
    expect(kinds(b.reviewer.id)).toEqual(['stage_changed']);
    expect(kinds(b.coordinator.id)).toEqual([]);
  });
});

describe('transitionBill, what it records', () => {
  const lastAudit = (billId: string) => db.select().from(auditEvents).where(eq(auditEvents.targetId, billId)).orderBy(desc(auditEvents.id)).get()!;
  const record = (billId: string) => db.select().from(billTransitions).where(eq(billTransitions.billId, billId)).orderBy(billTransitions.seq).all();

  it('names the current stage in stage_changed and the field in transition_reason_required', async () => {
    const b = await billWithPeople(db);
    expect(await caught(() => transitionBill(sqliteEngine(db), b.coordinator, b.billId, { to: 'submission', expectedStage: 'drafting', note: '过时' }))).toEqual({ code: 'stage_changed', message: 'stage_changed', details: { stage: 'proposal' } });
    expect(await caught(() => transitionBill(sqliteEngine(db), b.coordinator, b.billId, { to: 'shelved', expectedStage: 'proposal', note: '搁置' }))).toEqual({
      code: 'validation_failed',
      message: 'transition_reason_required',
      details: { fields: [{ path: 'reason', message: 'transition_reason_required' }] },
    });
  });

  it('names the missing sign-off and its rule', async () => {
    const b = await billWithPeople(db);
    for (const [to, d] of [['drafting', '01-05'], ['submission', '01-06'], ['first_reading', '01-07'], ['consultation', '01-08'], ['second_reading', '02-10'], ['third_reading', '02-15']] as const) await b.walk(to, day(`2026-${d}`));
    expect(await caught(() => transitionBill(sqliteEngine(db), b.coordinator, b.billId, { to: 'vote', expectedStage: 'third_reading', note: '付表决' }))).toEqual({ code: 'signoff_required', message: 'signoff_required', details: { stage: 'vote', rule: 'four_eyes' } });
  });

  it('audits a plain move exactly, numbers the record, and tells the others who moved it where', async () => {
    const b = await billWithPeople(db);
    const t = await transitionBill(sqliteEngine(db), b.coordinator, b.billId, { to: 'drafting', expectedStage: 'proposal', note: '立项通过' }, day('2026-01-05'));
    const a = lastAudit(b.billId);
    expect(a).toMatchObject({ actorId: b.coordinator.id, action: 'bill.transition', targetType: 'bill', targetId: b.billId });
    expect(a.detail).toEqual({ billId: b.billId, from: 'proposal', to: 'drafting', kind: 'forward', note: '立项通过', reason: null, versionId: null, consultationId: null, signoffs: [] });
    const n = db.select().from(notifications).where(and(eq(notifications.userId, b.editor.id), eq(notifications.billId, b.billId))).all();
    expect(n.map((x) => [x.kind, x.detail])).toEqual([['stage_changed', { from: 'proposal', to: 'drafting', by: b.coordinator.name }]]);
    await transitionBill(sqliteEngine(db), b.coordinator, b.billId, { to: 'proposal', expectedStage: 'drafting', note: '退回', reason: '立项材料不全' }, day('2026-01-06'));
    expect(record(b.billId).map((m) => [m.seq, m.id === t.transitionId, m.reason])).toEqual([
      [1, true, null],
      [2, false, '立项材料不全'],
    ]);
    expect(lastAudit(b.billId).detail).toMatchObject({ kind: 'back', reason: '立项材料不全', signoffs: [] });
  });

  it('uses up exactly the approving sign-off and lists it in the audit entry', async () => {
    const b = await billWithPeople(db);
    for (const [to, d] of [['drafting', '01-05'], ['submission', '01-06'], ['first_reading', '01-07'], ['consultation', '01-08'], ['second_reading', '02-10']] as const) await b.walk(to, day(`2026-${d}`));
    await b.walk('vote', day('2026-02-20'), { reason: '不再三审' });
    const signoffs = db.select().from(billSignoffs).where(and(eq(billSignoffs.billId, b.billId), eq(billSignoffs.stage, 'vote'))).all();
    const move = record(b.billId).at(-1)!;
    expect(signoffs.map((s) => s.transitionId)).toEqual([move.id]);
    expect(lastAudit(b.billId).detail).toMatchObject({ kind: 'skip', reason: '不再三审', signoffs: [signoffs[0].id] });
  });

  it('freezes the version with the stage as its reason and opens the consultation with the bill title and defaults', async () => {
    const b = await billWithPeople(db);
    await b.walk('drafting', day('2026-01-05'));
    await b.walk('submission', day('2026-01-06'));
    const first = await b.walk('first_reading', day('2026-01-07'));
    expect(db.select().from(draftVersions).where(eq(draftVersions.id, first.versionId!)).get()).toMatchObject({ kind: 'frozen', reason: 'stage:first_reading' });
    const consult = await b.walk('consultation', day('2026-01-08'));
    expect(db.select().from(consultations).where(eq(consultations.id, consult.consultationId!)).get()).toMatchObject({ title: '测试条例', questions: [], moderation: 'pre', shortReason: null });
  });

  it('passes the consultation settings given with the move', async () => {
    const b = await billWithPeople(db);
    for (const [to, d] of [['drafting', '01-05'], ['submission', '01-06'], ['first_reading', '01-07']] as const) await b.walk(to, day(`2026-${d}`));
    const consultation = { title: '征求意见', questions: ['是否同意第三条？'], opensOn: '2026-01-08', closesOn: '2026-01-20', shortReason: '立法计划紧迫', moderation: 'post' as const };
    const r = await transitionBill(sqliteEngine(db), b.coordinator, b.billId, { to: 'consultation', expectedStage: 'first_reading', note: '公开征求意见', consultation }, day('2026-01-08'));
    expect(db.select().from(consultations).where(eq(consultations.id, r.consultationId!)).get()).toMatchObject({ title: '征求意见', questions: ['是否同意第三条？'], closesOn: '2026-01-20', shortReason: '立法计划紧迫', moderation: 'post' });
  });
});

describe('appendTransitionOn', () => {
  it('refuses with stage_changed a bill no longer at the stage it moves from, and writes nothing', async () => {
    const b = await billWithPeople(db);
    const move = () => withTransaction(sqliteEngine(db), (tx) => appendTransitionOn(tx, { billId: b.billId, from: 'drafting', to: 'submission', note: 'x', actorId: b.coordinator.id, at: day('2026-01-05') }));
    expect(await outcome(move)).toBe('stage_changed:stage_changed');
    expect(stageOf(b.billId)).toBe('proposal');
    expect(moves(b.billId)).toBe(0);
  });
});
