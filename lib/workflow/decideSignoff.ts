import { and, desc, eq, isNull } from 'drizzle-orm';
import { billSignoffs } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import { recordAudit } from '@/lib/audit';
import { can, type CurrentUser } from '@/lib/auth';
import { draftTextMark, getBill } from '@/lib/drafting';
import { AppError } from '@/lib/errors';
import { notify } from '@/lib/inbox';
import { parseInput } from '@/lib/shared';
import { signoffRuleFor } from './signoffRuleFor';
import { signoffSchema, type SignoffInput } from './schemas';
import { sqliteEngine } from '@/db/engine';

/// A reviewer approves or rejects the current text for `stage`. The decision answers the open
/// request addressed to them (or stands unasked); it is never given by the person who asked, never
/// by an editor or the coordinator of the bill, and only by a reviewer on the bill (asking for a
/// sign-off puts one there). The text's mark is kept with it: typing in the draft afterwards voids an approval.
export async function decideSignoff(actor: CurrentUser | null, billId: string, input: SignoffInput | unknown, db: Db = getDatabase(), now: Date = new Date()): Promise<{ id: string; decision: 'approve' | 'reject' }> {
  const bill = await getBill(sqliteEngine(db), actor, billId);
  if (!can(actor, 'bill:signoff', bill.resource)) throw new AppError('forbidden', 'signoff_forbidden');
  const data = parseInput(signoffSchema, input);
  const rule = signoffRuleFor(bill.kind, bill.stage, data.stage);
  if (!bill.members.some((m) => m.userId === actor!.id)) throw new AppError('forbidden', 'signoff_forbidden');
  return db.transaction(
    (tx) => {
      const open = tx
        .select()
        .from(billSignoffs)
        .where(and(eq(billSignoffs.billId, billId), eq(billSignoffs.stage, data.stage), eq(billSignoffs.reviewerId, actor!.id), isNull(billSignoffs.decision)))
        .orderBy(desc(billSignoffs.requestedAt))
        .get();
      if (open?.requestedBy === actor!.id) throw new AppError('forbidden', 'signoff_own_request');
      const mark = draftTextMark(tx, bill.draftId);
      const decided = { decision: data.decision, note: data.note, textMark: mark, decidedAt: now };
      const id = open?.id ?? crypto.randomUUID();
      if (open) tx.update(billSignoffs).set(decided).where(eq(billSignoffs.id, id)).run();
      else tx.insert(billSignoffs).values({ id, billId, stage: data.stage, requestedBy: null, reviewerId: actor!.id, requestedAt: now, ...decided }).run();
      recordAudit(tx, { actorId: actor!.id, action: 'bill.signoff', targetType: 'bill', targetId: billId, detail: { billId, stage: data.stage, decision: data.decision, note: data.note, textMark: mark, rule } }, now);
      if (open?.requestedBy) notify(tx, { userIds: [open.requestedBy], billId, kind: 'signoff_decided', detail: { stage: data.stage, decision: data.decision, by: actor!.name } }, now);
      return { id, decision: data.decision };
    },
    { behavior: 'immediate' },
  );
}
