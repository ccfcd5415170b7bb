import { eq } from 'drizzle-orm';
import { consultationComments, type Consultation, type ConsultationComment } from '@/db/schema';
import type { Db } from '@/db/client';
import type { Action } from '@/lib/auth';
import type { CurrentUser } from '@/lib/auth';
import type { BillDetail } from '@/lib/drafting';
import { AppError, isAppError } from '@/lib/errors';
import { authorizeConsultationStaff } from './authorizeConsultationStaff';

/// A comment with its consultation and bill, for a member of the bill who may do `action`:
/// `comment_not_found` for unknown comments and for people outside the bill alike.
export async function authorizeCommentStaff(
  actor: CurrentUser | null,
  commentId: string,
  action: Action,
  forbiddenKey: string,
  db: Db,
): Promise<{ comment: ConsultationComment; consultation: Consultation; bill: BillDetail }> {
  if (!actor) throw new AppError('unauthenticated', 'unauthenticated');
  const comment = db.select().from(consultationComments).where(eq(consultationComments.id, commentId)).get();
  if (!comment) throw new AppError('not_found', 'comment_not_found');
  try {
    return { comment, ...(await authorizeConsultationStaff(actor, comment.consultationId, action, forbiddenKey, db)) };
  } catch (e) {
    if (isAppError(e) && e.message === 'consultation_not_found') throw new AppError('not_found', 'comment_not_found');
    throw e;
  }
}
