import type { Db } from '@/db/client';
import { insertTestUser } from '@/lib/auth/testing';
import { consultationText } from '@/lib/consultation/testing/consultationText';
import { createBill } from '@/lib/drafting';
import type { RegulationKind } from '@/lib/shared';
import { decideSignoff } from '../decideSignoff';
import { requestSignoff } from '../requestSignoff';
import { transitionBill } from '../transitionBill';
import { recordVote } from '../recordVote';

/// Test support: a bill of `kind` with its people — 王 (drafter, coordinator), 李 (drafter,
/// editor), 赵 (reviewer on the bill), 钱 (reviewer not on it), 孙 (admin not on it) and a drafter
/// outside — and `walk`, which moves it along its path through the real functions, asking and
/// giving the sign-offs and the passing vote that each move needs.
export function billWithPeople(db: Db, kind: RegulationKind = 'local_regulation') {
  const coordinator = insertTestUser(db, 'drafter', '王牵头');
  const editor = insertTestUser(db, 'drafter', '李编辑');
  const reviewer = insertTestUser(db, 'reviewer', '赵审核');
  const independent = insertTestUser(db, 'reviewer', '钱审查');
  const admin = insertTestUser(db, 'admin', '孙管理');
  const outsider = insertTestUser(db, 'drafter', '局外人');
  const { id: billId, draftId } = createBill(
    coordinator,
    { title: '测试条例', kind, from: { text: consultationText }, members: [{ email: editor.email, role: 'editor' }, { email: reviewer.email, role: 'reviewer' }] },
    db,
  );
  let stage: string = 'proposal';
  const walk = (to: string, now: Date, extra: { reason?: string } = {}) => {
    if (to === 'vote' || to === 'executive_meeting' || to === 'adoption') {
      if (stage === 'legality_review') {
        requestSignoff(coordinator, billId, { stage: 'legality_review', reviewerEmail: independent.email }, db, now);
        decideSignoff(independent, billId, { stage: 'legality_review', decision: 'approve', note: '合法' }, db, now);
      }
      requestSignoff(coordinator, billId, { stage: to, reviewerEmail: reviewer.email }, db, now);
      decideSignoff(reviewer, billId, { stage: to, decision: 'approve', note: '同意' }, db, now);
    }
    if (stage === 'vote') recordVote(coordinator, billId, { for: 40, against: 2, abstain: 1, present: 43, composition: 50 }, db, now);
    const result = transitionBill(coordinator, billId, { to, expectedStage: stage, note: `进入${to}`, ...extra }, db, now);
    stage = to;
    return result;
  };
  return { billId, draftId, coordinator, editor, reviewer, independent, admin, outsider, walk };
}
