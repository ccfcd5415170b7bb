import { and, eq, ne, or, sql } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import { withTransaction } from '@/db/withTransaction';
import { appendAudit } from '@/lib/audit';
import { parseInput } from '@/lib/shared';
import type { CurrentUser } from '@/lib/auth';
import { AppError } from '@/lib/errors';
import { authorizeCommentStaff } from './authorizeCommentStaff';
import { dispositionSchema, type DispositionInput } from './schemas';

/// Records the disposition (采纳情况) of a comment with its reason, replacing an earlier one, for
/// the editors of the bill; with `wholeGroup`, the same for every comment of its campaign group
/// (rejected members are left out). A rejected comment cannot be decided. Returns how many
/// comments were decided; one audit row lists them all.
export async function setDisposition(
  engine: Engine,
  actor: CurrentUser | null,
  commentId: string,
  input: DispositionInput | unknown,
  now: Date = new Date(),
): Promise<number> {
  const { comment, consultation } = await authorizeCommentStaff(engine, actor, commentId, 'draft:edit', 'disposition_forbidden');
  const data = parseInput(dispositionSchema, input);
  if (comment.status === 'rejected') throw new AppError('conflict', 'disposition_rejected_comment');
  const group = comment.groupId ?? comment.id;
  return withTransaction(engine, async (tx) => {
    const { commentDispositions, consultationComments } = tx.t;
    const members = data.wholeGroup
      ? await tx.db
          .select({ id: consultationComments.id })
          .from(consultationComments)
          .where(
            and(
              eq(consultationComments.consultationId, consultation.id),
              or(eq(consultationComments.groupId, group), eq(consultationComments.id, group)),
              ne(consultationComments.status, 'rejected'),
            ),
          )
      : [comment];
    const ids = members.map((r) => r.id);
    const values = { disposition: data.disposition, reason: data.reason, decidedBy: actor!.id, decidedAt: now };
    for (let i = 0; i < ids.length; i += 200) {
      await tx.db
        .insert(commentDispositions)
        .values(ids.slice(i, i + 200).map((id) => ({ commentId: id, ...values })))
        .onConflictDoUpdate({
          target: commentDispositions.commentId,
          set: { disposition: sql`excluded.disposition`, reason: sql`excluded.reason`, decidedBy: sql`excluded.decided_by`, decidedAt: sql`excluded.decided_at` },
        });
    }
    await appendAudit(
      tx,
      {
        actorId: actor!.id,
        action: 'comment.dispose',
        targetType: 'consultation_comment',
        targetId: comment.id,
        detail: { consultationId: consultation.id, disposition: data.disposition, reason: data.reason, wholeGroup: data.wholeGroup, commentIds: ids },
      },
      now,
    );
    return ids.length;
  });
}
