import { eq } from 'drizzle-orm';
import type { Consultation, ConsultationComment } from '@/db/schema';
import type { Engine } from '@/db/engine';
import type { Action } from '@/lib/auth';
import type { CurrentUser } from '@/lib/auth';
import type { BillDetail } from '@/lib/drafting';
import { AppError, isAppError } from '@/lib/errors';
import { authorizeConsultationStaff } from './authorizeConsultationStaff';

/// A comment with its consultation and bill, for a member of the bill who may do `action`:
/// `comment_not_found` for unknown comments and for people outside the bill alike.
export async function authorizeCommentStaff(
  engine: Engine,
  actor: CurrentUser | null,
  commentId: string,
  action: Action,
  forbiddenKey: string,
): Promise<{ comment: ConsultationComment; consultation: Consultation; bill: BillDetail }> {
  if (!actor) throw new AppError('unauthenticated', 'unauthenticated');
  const { consultationComments } = engine.t;
  const [comment] = await engine.db.select().from(consultationComments).where(eq(consultationComments.id, commentId)).limit(1);
  if (!comment) throw new AppError('not_found', 'comment_not_found');
  try {
    return { comment, ...(await authorizeConsultationStaff(engine, actor, comment.consultationId, action, forbiddenKey)) };
  } catch (e) {
    if (isAppError(e) && e.message === 'consultation_not_found') throw new AppError('not_found', 'comment_not_found');
    throw e;
  }
}
