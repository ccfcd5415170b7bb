import { eq } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import { withTransaction } from '@/db/withTransaction';
import { appendAudit } from '@/lib/audit';
import { can, type CurrentUser } from '@/lib/auth';
import { getBill } from '@/lib/drafting';
import { AppError } from '@/lib/errors';
import { sendNotice } from '@/lib/inbox';
import { parseInput } from '@/lib/shared';
import { signoffRuleFor } from './signoffRuleFor';
import { signoffRequestSchema, type SignoffRequestInput } from './schemas';

/// Asks a reviewer to approve the current text before the bill enters `stage` (or, for 合法性审查,
/// to sign its opinion); the coordinator or an admin asks. The reviewer must be one who may sign
/// (a reviewer account, not an editor of the bill, not the asker); one not yet on the bill joins
/// it as a reviewer, so that they can read the text. They are told in their inbox. Either engine.
export async function requestSignoff(engine: Engine, actor: CurrentUser | null, billId: string, input: SignoffRequestInput | unknown, now: Date = new Date()): Promise<{ id: string }> {
  const bill = await getBill(engine, actor, billId);
  if (!can(actor, 'bill:transition', bill.resource)) throw new AppError('forbidden', 'transition_forbidden');
  const data = parseInput(signoffRequestSchema, input);
  const rule = signoffRuleFor(bill.kind, bill.stage, data.stage);
  const { users } = engine.t;
  const [reviewer] = await engine.db.select({ id: users.id, email: users.email, name: users.name, role: users.role, disabledAt: users.disabledAt }).from(users).where(eq(users.email, data.reviewerEmail));
  if (!reviewer || reviewer.disabledAt) throw new AppError('validation_failed', 'member_not_found');
  const onBill = bill.members.some((m) => m.userId === reviewer.id);
  if (reviewer.id === actor!.id || reviewer.role !== 'reviewer' || !can(reviewer, 'bill:signoff', bill.resource)) {
    throw new AppError('validation_failed', 'signoff_reviewer_invalid', { details: { rule } });
  }
  const id = crypto.randomUUID();
  await withTransaction(engine, async (tx) => {
    // A reviewer asked twice at once joins the bill once.
    if (!onBill) await tx.db.insert(tx.t.billMembers).values({ billId, userId: reviewer.id, role: 'reviewer' }).onConflictDoNothing();
    await tx.db.insert(tx.t.billSignoffs).values({ id, billId, stage: data.stage, requestedBy: actor!.id, reviewerId: reviewer.id, requestNote: data.note, requestedAt: now });
    await appendAudit(tx, { actorId: actor!.id, action: 'bill.signoff_request', targetType: 'bill', targetId: billId, detail: { billId, stage: data.stage, reviewerId: reviewer.id } }, now);
    await sendNotice(tx, { userIds: [reviewer.id], billId, kind: 'signoff_requested', detail: { stage: data.stage, by: actor!.name } }, now);
  });
  return { id };
}
