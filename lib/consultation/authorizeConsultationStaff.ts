import { eq } from 'drizzle-orm';
import type { Consultation } from '@/db/schema';
import type { Engine } from '@/db/engine';
import { can, type Action } from '@/lib/auth';
import type { CurrentUser } from '@/lib/auth';
import { getBill, type BillDetail } from '@/lib/drafting';
import { AppError, isAppError } from '@/lib/errors';

/// The consultation and its bill, for a member of the bill who may do `action` on it: unknown
/// consultations and non-members both get `consultation_not_found` (outsiders cannot tell staff
/// screens of an unannounced consultation exist); members without the right get `forbidden` with
/// `forbiddenKey`.
export async function authorizeConsultationStaff(
  engine: Engine,
  actor: CurrentUser | null,
  consultationId: string,
  action: Action,
  forbiddenKey: string,
): Promise<{ consultation: Consultation; bill: BillDetail }> {
  if (!actor) throw new AppError('unauthenticated', 'unauthenticated');
  const { consultations } = engine.t;
  const [consultation] = await engine.db.select().from(consultations).where(eq(consultations.id, consultationId)).limit(1);
  if (!consultation) throw new AppError('not_found', 'consultation_not_found');
  let bill: BillDetail;
  try {
    bill = await getBill(engine, actor, consultation.billId);
  } catch (e) {
    if (isAppError(e) && e.code === 'not_found') throw new AppError('not_found', 'consultation_not_found');
    throw e;
  }
  if (!can(actor, action, bill.resource)) throw new AppError('forbidden', forbiddenKey);
  return { consultation, bill };
}
