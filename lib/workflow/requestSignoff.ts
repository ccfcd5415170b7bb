import { eq } from 'drizzle-orm';
import { billMembers, billSignoffs, users } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import { recordAudit } from '@/lib/audit';
import { can, type CurrentUser } from '@/lib/auth';
import { getBill } from '@/lib/drafting';
import { AppError } from '@/lib/errors';
import { notify } from '@/lib/inbox';
import { parseInput } from '@/lib/shared';
import { signoffRuleFor } from './signoffRuleFor';
import { signoffRequestSchema, type SignoffRequestInput } from './schemas';
import { sqliteEngine } from '@/db/engine';

/// Asks a reviewer to approve the current text before the bill enters `stage` (or, for 合法性审查,
/// to sign its opinion); the coordinator or an admin asks. The reviewer must be one who may sign
/// (a reviewer account, not an editor of the bill, not the asker); one not yet on the bill joins
/// it as a reviewer, so that they can read the text. They are told in their inbox.
export async function requestSignoff(actor: CurrentUser | null, billId: string, input: SignoffRequestInput | unknown, db: Db = getDatabase(), now: Date = new Date()): Promise<{ id: string }> {
  const bill = await getBill(sqliteEngine(db), actor, billId);
  if (!can(actor, 'bill:transition', bill.resource)) throw new AppError('forbidden', 'transition_forbidden');
  const data = parseInput(signoffRequestSchema, input);
  const rule = signoffRuleFor(bill.kind, bill.stage, data.stage);
  const reviewer = db.select({ id: users.id, email: users.email, name: users.name, role: users.role, disabledAt: users.disabledAt }).from(users).where(eq(users.email, data.reviewerEmail)).get();
  if (!reviewer || reviewer.disabledAt) throw new AppError('validation_failed', 'member_not_found');
  const onBill = bill.members.some((m) => m.userId === reviewer.id);
  if (reviewer.id === actor!.id || reviewer.role !== 'reviewer' || !can(reviewer, 'bill:signoff', bill.resource)) {
    throw new AppError('validation_failed', 'signoff_reviewer_invalid', { details: { rule } });
  }
  const id = crypto.randomUUID();
  db.transaction((tx) => {
    if (!onBill) tx.insert(billMembers).values({ billId, userId: reviewer.id, role: 'reviewer' }).run();
    tx.insert(billSignoffs).values({ id, billId, stage: data.stage, requestedBy: actor!.id, reviewerId: reviewer.id, requestNote: data.note, requestedAt: now }).run();
    recordAudit(tx, { actorId: actor!.id, action: 'bill.signoff_request', targetType: 'bill', targetId: billId, detail: { billId, stage: data.stage, reviewerId: reviewer.id } }, now);
    notify(tx, { userIds: [reviewer.id], billId, kind: 'signoff_requested', detail: { stage: data.stage, by: actor!.name } }, now);
  });
  return { id };
}
