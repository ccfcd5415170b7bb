import { eq } from 'drizzle-orm';
import { consultations } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import { AppError } from '@/lib/errors';
import { todayInChina } from '@/lib/shared';
import { describeConsultation } from './describeConsultation';
import { readConsultations } from './readConsultations';
import type { ConsultationDetail } from './types';

/// A consultation as the public page shows it, for anyone once its opening day has come.
/// `consultation_not_found` before then, so that a consultation not yet announced looks exactly
/// like one that does not exist.
export function getConsultation(id: string, db: Db = getDatabase(), now: Date = new Date()): ConsultationDetail {
  const today = todayInChina(now);
  const found = readConsultations(db, eq(consultations.id, id), today)[0];
  if (!found || found.summary.status === 'upcoming') throw new AppError('not_found', 'consultation_not_found');
  return describeConsultation(db, found.summary, found.row, 'public');
}
