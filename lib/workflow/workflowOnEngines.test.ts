import { beforeAll, describe, expect, it } from 'vitest';
import { engines } from '@/db/engineTesting';
import { listAuditEvents, verifyAuditChainOn } from '@/lib/audit';
import { insertTestAccount } from '@/lib/auth/testing';
import type { CurrentUser } from '@/lib/auth';
import { walkBill } from '@/lib/demo';
import { createBill, setBillMember, storeDraftUpdate } from '@/lib/drafting';
import { listNotifications } from '@/lib/inbox';
import { listDraftVersions } from '@/lib/versioning';
import { attachToBill } from './attachToBill';
import { decideSignoff } from './decideSignoff';
import { getAttachment } from './getAttachment';
import { getBillWorkflow } from './getBillWorkflow';
import { listWorkflowBills } from './listWorkflowBills';
import { readBillRecord } from './readBillRecord';
import { recordVote } from './recordVote';
import { requestSignoff } from './requestSignoff';
import { sweepDeadlineNotices } from './sweepDeadlineNotices';
import { transitionBill } from './transitionBill';
import { outcome } from './testing/outcome';

const day = (iso: string) => new Date(`${iso}T02:00:00Z`);

describe.each(engines())('on $name', ({ engine }) => {
  const p = {} as Record<'coordinator' | 'editor' | 'reviewer' | 'admin', CurrentUser>;
  /// A local regulation coordinated by `p.coordinator`, with `p.editor` editing it.
  const newBill = async (title: string) => {
    const bill = await createBill(engine(), p.coordinator, { title, kind: 'local_regulation', from: { text: `${title}\n\n第一条　为了测试，制定本条例。\n\n第二条　本条例自公布之日起施行。` } });
    await setBillMember(engine(), p.coordinator, bill.id, p.editor.email, 'editor');
    return bill;
  };
  /// Walks a bill from 立项 to 二审 through the real functions: into 征求意见 on day 4 of `month`
  /// (`2026-05`), out of it on `secondReading`, once the consultation has run.
  const toSecondReading = (billId: string, month: string, secondReading: string) =>
    walkBill(engine(), { coordinator: p.coordinator, reviewer: p.reviewer }, billId, 'proposal', [
      { to: 'drafting', at: day(`${month}-01`), note: '立项' },
      { to: 'submission', at: day(`${month}-02`), note: '提请' },
      { to: 'first_reading', at: day(`${month}-03`), note: '一审' },
      { to: 'consultation', at: day(`${month}-04`), note: '征求意见' },
      { to: 'second_reading', at: day(secondReading), note: '二审' },
    ]);
  beforeAll(async () => {
    p.coordinator = await insertTestAccount(engine(), { role: 'drafter', name: '王牵头' });
    p.editor = await insertTestAccount(engine(), { role: 'drafter', name: '李起草' });
    p.reviewer = await insertTestAccount(engine(), { role: 'reviewer', name: '赵审核' });
    p.admin = await insertTestAccount(engine(), { role: 'admin', name: '管理员' });
  });

  describe('the workflow of a local regulation', () => {
    it('walks from 立项 to 批准: versions frozen, the consultation opened, a sign-off used, the vote passed; all recorded', async () => {
      const bill = await newBill('某市测试条例');
      const stage = await walkBill(engine(), { coordinator: p.coordinator, reviewer: p.reviewer }, bill.id, 'proposal', [
        { to: 'drafting', at: day('2026-03-01'), note: '立项通过' },
        { to: 'submission', at: day('2026-03-05'), note: '提请审议' },
        { to: 'first_reading', at: day('2026-03-10'), note: '一审' },
        { to: 'consultation', at: day('2026-03-12'), note: '公开征求意见', consultation: { opensOn: '2026-03-12', closesOn: '2026-04-10', moderation: 'post' } },
        { to: 'second_reading', at: day('2026-04-15'), note: '二审' },
        { to: 'vote', at: day('2026-04-20'), note: '交付表决', reason: '二审后各方面意见比较一致' },
        { to: 'approval', at: day('2026-04-22'), note: '报请批准' },
      ]);
      expect(stage).toBe('approval');
      const view = await getBillWorkflow(engine(), p.coordinator, bill.id, day('2026-04-22'));
      expect(view.history.map((h) => [h.seq, h.from, h.to, h.actor])).toEqual([
        [1, 'proposal', 'drafting', '王牵头'],
        [2, 'drafting', 'submission', '王牵头'],
        [3, 'submission', 'first_reading', '王牵头'],
        [4, 'first_reading', 'consultation', '王牵头'],
        [5, 'consultation', 'second_reading', '王牵头'],
        [6, 'second_reading', 'vote', '王牵头'],
        [7, 'vote', 'approval', '王牵头'],
      ]);
      expect(view.history[3].consultationId).not.toBeNull();
      expect(view.signoffs.map((s) => [s.stage, s.decision, s.used, s.reviewer])).toEqual([['vote', 'approve', true, '赵审核']]);
      expect(view.votes.map((v) => [v.for, v.passed])).toEqual([[48, true]]);
      expect((await listDraftVersions(engine(), p.coordinator, bill.draftId)).map((v) => [v.seq, v.name, v.reason])).toEqual([
        [3, '表决稿', 'stage:vote'],
        [2, '征求意见稿', 'stage:consultation'],
        [1, '一审稿', 'stage:first_reading'],
      ]);
      const record = await readBillRecord(engine(), bill.id);
      // walkBill records the vote on the day of the move that follows it.
      expect(record).toMatchObject({ passedVoteOn: '2026-04-22', consultationId: view.history[3].consultationId, enteredOn: { first_reading: '2026-03-10', approval: '2026-04-22' } });
      expect(record.votedVersionId).toBe(view.history[5].versionId);
      expect((await listAuditEvents(engine(), { billId: bill.id, action: 'consultation' })).map((e) => e.action)).toEqual(['consultation.open']);
      // The editor heard of every move, newest first.
      expect((await listNotifications(engine(), p.editor)).filter((n) => n.billId === bill.id && n.kind === 'stage_changed').map((n) => n.detail.to)).toEqual([
        'approval', 'vote', 'vote', 'second_reading', 'consultation', 'first_reading', 'submission', 'drafting',
      ]);
      expect(await verifyAuditChainOn(engine())).toMatchObject({ ok: true });
    });

    it('voids an approval when the text is typed in afterwards, and refuses the move that needed it', async () => {
      const bill = await newBill('某市作废签署条例');
      await toSecondReading(bill.id, '2026-05', '2026-06-04');
      await requestSignoff(engine(), p.coordinator, bill.id, { stage: 'vote', reviewerEmail: p.reviewer.email }, day('2026-06-05'));
      await decideSignoff(engine(), p.reviewer, bill.id, { stage: 'vote', decision: 'approve' }, day('2026-06-05'));
      expect((await getBillWorkflow(engine(), p.coordinator, bill.id)).signoffs.map((s) => s.holds)).toEqual([true]);
      await storeDraftUpdate(engine(), { draftId: bill.draftId, update: new Uint8Array([0, 0]), userId: p.editor.id });
      expect((await getBillWorkflow(engine(), p.coordinator, bill.id)).signoffs.map((s) => s.holds)).toEqual([false]);
      const move = { to: 'vote' as const, expectedStage: 'second_reading' as const, note: '交付表决', reason: '无需三审' };
      expect(await outcome(() => transitionBill(engine(), p.coordinator, bill.id, move))).toBe('signoff_required:signoff_required');
      expect((await getBillWorkflow(engine(), p.coordinator, bill.id)).stage).toBe('second_reading');
    });

    it('lets one of two moves made at once through; the other is refused and changes nothing', async () => {
      const bill = await newBill('某市并发条例');
      const moves = await Promise.all(
        ['立项（甲）', '立项（乙）'].map((note) => outcome(() => transitionBill(engine(), p.coordinator, bill.id, { to: 'drafting', expectedStage: 'proposal', note }, day('2026-06-01')))),
      );
      expect(moves.sort()).toEqual(['ok', 'stage_changed:stage_changed']);
      const view = await getBillWorkflow(engine(), p.coordinator, bill.id);
      expect(view.history).toHaveLength(1);
      expect((await listAuditEvents(engine(), { billId: bill.id, action: 'bill.transition' }))).toHaveLength(1);
    });

    it('records a failed vote, which keeps the bill at 表决', async () => {
      const bill = await newBill('某市表决未通过条例');
      await toSecondReading(bill.id, '2026-07', '2026-08-04');
      await walkBill(engine(), { coordinator: p.coordinator, reviewer: p.reviewer }, bill.id, 'second_reading', [{ to: 'vote', at: day('2026-08-05'), note: '交付表决', reason: '无需三审' }]);
      const vote = await recordVote(engine(), p.coordinator, bill.id, { for: 20, against: 30, abstain: 3, composition: 60 }, day('2026-08-05'));
      expect(vote.passed).toBe(false);
      expect(await outcome(() => transitionBill(engine(), p.coordinator, bill.id, { to: 'approval', expectedStage: 'vote', note: '报批' }, day('2026-08-06')))).toBe('conflict:vote_required');
      // A second vote the same day passes; the later one counts.
      await recordVote(engine(), p.coordinator, bill.id, { for: 40, against: 10, abstain: 3, composition: 60 }, day('2026-08-05'));
      expect(await outcome(() => transitionBill(engine(), p.coordinator, bill.id, { to: 'approval', expectedStage: 'vote', note: '报批' }, day('2026-08-06')))).toBe('ok');
    });
  });

  describe('files, the dashboard and deadlines', () => {
    const pdf = new TextEncoder().encode('%PDF-1.7\n测试\n%%EOF');

    it('keeps a PDF with the bill for its people only', async () => {
      const bill = await newBill('某市附件条例');
      const kept = await attachToBill(engine(), p.coordinator, bill.id, { name: '起草说明.pdf', bytes: pdf });
      expect(kept).toMatchObject({ name: '起草说明.pdf', mediaType: 'application/pdf', size: pdf.byteLength });
      const back = await getAttachment(engine(), p.editor, bill.id, kept.id);
      expect(Buffer.from(back.body).equals(Buffer.from(pdf))).toBe(true);
      expect(await outcome(() => attachToBill(engine(), p.editor, bill.id, { name: 'x.pdf', bytes: pdf }))).toBe('forbidden:transition_forbidden');
      expect(await outcome(() => attachToBill(engine(), p.coordinator, bill.id, { name: 'x.pdf', bytes: new Uint8Array([1, 2, 3]) }))).toBe('unsupported_media_type:attachment_type');
      expect(await outcome(() => getAttachment(engine(), p.reviewer, bill.id, kept.id))).toBe('not_found:bill_not_found');
      expect((await getBillWorkflow(engine(), p.coordinator, bill.id)).attachments.map((a) => a.name)).toEqual(['起草说明.pdf']);
    });

    it('lists the bills on the dashboard and tells members of a consultation about to close, once', async () => {
      const bill = await newBill('某市截止条例');
      await walkBill(engine(), { coordinator: p.coordinator, reviewer: p.reviewer }, bill.id, 'proposal', [
        { to: 'drafting', at: day('2026-08-01'), note: '立项' },
        { to: 'submission', at: day('2026-08-02'), note: '提请' },
        { to: 'first_reading', at: day('2026-08-03'), note: '一审' },
        { to: 'consultation', at: day('2026-08-04'), note: '征求意见', consultation: { opensOn: '2026-08-04', closesOn: '2026-09-02' } },
      ]);
      const listed = await listWorkflowBills(engine(), p.editor, {}, day('2026-08-30'));
      expect(listed.find((b) => b.id === bill.id)).toMatchObject({ stage: 'consultation', coordinator: { name: '王牵头' }, nextDeadline: { kind: 'consultation_closes', dueOn: '2026-09-02', daysLeft: 3 } });
      expect(await sweepDeadlineNotices(engine(), day('2026-08-30'))).toBeGreaterThanOrEqual(1);
      await sweepDeadlineNotices(engine(), day('2026-08-31'));
      const near = (await listNotifications(engine(), p.editor)).filter((n) => n.billId === bill.id && n.kind === 'deadline_near');
      expect(near.map((n) => n.detail)).toEqual([{ deadline: 'consultation_closes', dueOn: '2026-09-02' }]);
    });
  });
});

