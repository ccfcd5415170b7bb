import { eq } from 'drizzle-orm';
import { consultations } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import type { CurrentUser } from '@/lib/auth';
import { AppError } from '@/lib/errors';
import { todayInChina } from '@/lib/shared';
import { authorizeConsultationStaff } from './authorizeConsultationStaff';
import { describeConsultation } from './describeConsultation';
import { readConsultations } from './readConsultations';
import type { ConsultationDetail } from './types';

/// A consultation for the members of its bill (and admins) at any time, upcoming ones included;
/// `consultation_not_found` for everyone else.
export async function getConsultationForStaff(actor: CurrentUser | null, id: string, db: Db = getDatabase(), now: Date = new Date()): Promise<ConsultationDetail> {
  await authorizeConsultationStaff(actor, id, 'bill:view', 'consultation_not_found', db);
  const found = readConsultations(db, eq(consultations.id, id), todayInChina(now))[0];
  if (!found) throw new AppError('not_found', 'consultation_not_found');
  return describeConsultation(db, found.summary, found.row, 'staff');
}
