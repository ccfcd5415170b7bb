import { eq } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import { withTransaction } from '@/db/withTransaction';
import { appendAudit } from '@/lib/audit';
import { parseInput } from '@/lib/shared';
import type { CurrentUser } from '@/lib/auth';
import { authorizeCommentStaff } from './authorizeCommentStaff';
import { moderateCommentSchema, type ModerateCommentInput } from './schemas';

/// Publishes a comment from the queue, or takes one down (rejects it) with one of the reasons,
/// for staff members of the bill. A published comment may be rejected later (personal data
/// found) and a rejected one published again; a disposition already recorded is kept, not shown.
/// Audited with the status before and after.
export async function moderateComment(
  engine: Engine,
  actor: CurrentUser | null,
  commentId: string,
  input: ModerateCommentInput | unknown,
  now: Date = new Date(),
): Promise<{ status: 'published' | 'rejected' }> {
  const { comment, consultation } = await authorizeCommentStaff(engine, actor, commentId, 'draft:comment', 'moderation_forbidden');
  const data = parseInput(moderateCommentSchema, input);
  const status = data.action === 'publish' ? 'published' : 'rejected';
  const rejectReason = status === 'rejected' ? data.reason! : null;
  await withTransaction(engine, async (tx) => {
    const { consultationComments } = tx.t;
    await tx.db.update(consultationComments).set({ status, rejectReason, moderatedBy: actor!.id, moderatedAt: now }).where(eq(consultationComments.id, commentId));
    await appendAudit(
      tx,
      { actorId: actor!.id, action: 'comment.moderate', targetType: 'consultation_comment', targetId: commentId, detail: { consultationId: consultation.id, from: comment.status, to: status, reason: rejectReason } },
      now,
    );
  });
  return { status };
}
