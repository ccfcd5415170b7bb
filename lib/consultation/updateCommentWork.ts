import { eq } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import { withTransaction } from '@/db/withTransaction';
import { appendAudit } from '@/lib/audit';
import { parseInput } from '@/lib/shared';
import type { CurrentUser } from '@/lib/auth';
import { AppError } from '@/lib/errors';
import { authorizeCommentStaff } from './authorizeCommentStaff';
import { commentWorkSchema, type CommentWorkInput } from './schemas';

/// Sets the staff's working fields of a comment: its tags (trimmed, duplicates dropped) and who
/// handles it (a member of the bill, or null for nobody); absent fields stay as they are. For
/// staff members of the bill; audited with the new values.
export async function updateCommentWork(
  engine: Engine,
  actor: CurrentUser | null,
  commentId: string,
  input: CommentWorkInput | unknown,
  now: Date = new Date(),
): Promise<{ tags: string[]; assigneeId: string | null }> {
  const { comment, consultation, bill } = await authorizeCommentStaff(engine, actor, commentId, 'draft:comment', 'comment_work_forbidden');
  const data = parseInput(commentWorkSchema, input);
  if (data.assigneeId && !bill.members.some((m) => m.userId === data.assigneeId)) {
    throw new AppError('validation_failed', 'assignee_not_member', { details: { fields: [{ path: 'assigneeId', message: 'assignee_not_member' }] } });
  }
  const tags = data.tags ? [...new Set(data.tags)] : comment.tags;
  const assigneeId = data.assigneeId === undefined ? comment.assigneeId : data.assigneeId;
  await withTransaction(engine, async (tx) => {
    const { consultationComments } = tx.t;
    await tx.db.update(consultationComments).set({ tags, assigneeId }).where(eq(consultationComments.id, commentId));
    await appendAudit(tx, { actorId: actor!.id, action: 'comment.update', targetType: 'consultation_comment', targetId: commentId, detail: { consultationId: consultation.id, tags, assigneeId } }, now);
  });
  return { tags, assigneeId };
}
