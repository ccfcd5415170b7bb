import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { executeOnPostgres, type Engine } from '@/db/engine';
import { withTransaction } from '@/db/withTransaction';
import { appendAudit } from '@/lib/audit';
import { can, type CurrentUser } from '@/lib/auth';
import { draftTextMark, getBill } from '@/lib/drafting';
import { AppError } from '@/lib/errors';
import { sendNotice } from '@/lib/inbox';
import { parseInput } from '@/lib/shared';
import { signoffRuleFor } from './signoffRuleFor';
import { signoffSchema, type SignoffInput } from './schemas';

/// A reviewer approves or rejects the current text for `stage`. The decision answers the open
/// request addressed to them (or stands unasked); it is never given by the person who asked, never
/// by an editor or the coordinator of the bill, and only by a reviewer on the bill (asking for a
/// sign-off puts one there). The text's mark is kept with it: typing in the draft afterwards voids
/// an approval. Either engine: two decisions at once answer a request once.
export async function decideSignoff(engine: Engine, actor: CurrentUser | null, billId: string, input: SignoffInput | unknown, now: Date = new Date()): Promise<{ id: string; decision: 'approve' | 'reject' }> {
  const bill = await getBill(engine, actor, billId);
  if (!can(actor, 'bill:signoff', bill.resource)) throw new AppError('forbidden', 'signoff_forbidden');
  const data = parseInput(signoffSchema, input);
  const rule = signoffRuleFor(bill.kind, bill.stage, data.stage);
  if (!bill.members.some((m) => m.userId === actor!.id)) throw new AppError('forbidden', 'signoff_forbidden');
  return withTransaction(engine, async (tx) => {
    // SQLite's transaction holds the write lock; on PostgreSQL a decision in flight holds the
    // reviewer's open requests, and this one waits, then reads them again and finds it answered.
    if (tx.kind === 'postgres') await executeOnPostgres(tx, sql`select 1 from bill_signoffs where bill_id = ${billId} and reviewer_id = ${actor!.id} and decision is null for update`);
    const s = tx.t.billSignoffs;
    const [open] = await tx.db
      .select()
      .from(s)
      .where(and(eq(s.billId, billId), eq(s.stage, data.stage), eq(s.reviewerId, actor!.id), isNull(s.decision)))
      .orderBy(desc(s.requestedAt))
      .limit(1);
    if (open?.requestedBy === actor!.id) throw new AppError('forbidden', 'signoff_own_request');
    const mark = await draftTextMark(tx, bill.draftId);
    const decided = { decision: data.decision, note: data.note, textMark: mark, decidedAt: now };
    const id = open?.id ?? crypto.randomUUID();
    if (open) await tx.db.update(s).set(decided).where(eq(s.id, id));
    else await tx.db.insert(s).values({ id, billId, stage: data.stage, requestedBy: null, reviewerId: actor!.id, requestedAt: now, ...decided });
    await appendAudit(tx, { actorId: actor!.id, action: 'bill.signoff', targetType: 'bill', targetId: billId, detail: { billId, stage: data.stage, decision: data.decision, note: data.note, textMark: mark, rule } }, now);
    if (open?.requestedBy) await sendNotice(tx, { userIds: [open.requestedBy], billId, kind: 'signoff_decided', detail: { stage: data.stage, decision: data.decision, by: actor!.name } }, now);
    return { id, decision: data.decision };
  });
}
