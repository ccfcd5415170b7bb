import { eq } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import type { CurrentUser } from '@/lib/auth';
import { AppError } from '@/lib/errors';
import { todayInChina } from '@/lib/shared';
import { authorizeConsultationStaff } from './authorizeConsultationStaff';
import { describeConsultation } from './describeConsultation';
import { readConsultations } from './readConsultations';
import type { ConsultationDetail } from './types';

/// A consultation for the members of its bill (and admins) at any time, upcoming ones included;
/// `consultation_not_found` for everyone else.
export async function getConsultationForStaff(engine: Engine, actor: CurrentUser | null, id: string, now: Date = new Date()): Promise<ConsultationDetail> {
  await authorizeConsultationStaff(engine, actor, id, 'bill:view', 'consultation_not_found');
  const [found] = await readConsultations(engine, eq(engine.t.consultations.id, id), todayInChina(now));
  if (!found) throw new AppError('not_found', 'consultation_not_found');
  return describeConsultation(engine, found.summary, found.row, 'staff');
}
