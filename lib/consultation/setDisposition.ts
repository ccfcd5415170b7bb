import { and, eq, ne, or, sql } from 'drizzle-orm';
import { commentDispositions, consultationComments } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import { recordAudit } from '@/lib/audit';
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
  actor: CurrentUser | null,
  commentId: string,
  input: DispositionInput | unknown,
  db: Db = getDatabase(),
  now: Date = new Date(),
): Promise<number> {
  const { comment, consultation } = await authorizeCommentStaff(actor, commentId, 'draft:edit', 'disposition_forbidden', db);
  const data = parseInput(dispositionSchema, input);
  if (comment.status === 'rejected') throw new AppError('conflict', 'disposition_rejected_comment');
  const group = comment.groupId ?? comment.id;
  return db.transaction(
    (tx) => {
      const ids = data.wholeGroup
        ? tx
            .select({ id: consultationComments.id })
            .from(consultationComments)
            .where(
              and(
                eq(consultationComments.consultationId, consultation.id),
                or(eq(consultationComments.groupId, group), eq(consultationComments.id, group)),
                ne(consultationComments.status, 'rejected'),
              ),
            )
            .all()
            .map((r) => r.id)
        : [comment.id];
      const values = { disposition: data.disposition, reason: data.reason, decidedBy: actor!.id, decidedAt: now };
      for (let i = 0; i < ids.length; i += 200) {
        tx.insert(commentDispositions)
          .values(ids.slice(i, i + 200).map((id) => ({ commentId: id, ...values })))
          .onConflictDoUpdate({
            target: commentDispositions.commentId,
            set: { disposition: sql`excluded.disposition`, reason: sql`excluded.reason`, decidedBy: sql`excluded.decided_by`, decidedAt: sql`excluded.decided_at` },
          })
          .run();
      }
      recordAudit(
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
    },
    { behavior: 'immediate' },
  );
}
