import { eq } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import { AppError } from '@/lib/errors';
import { todayInChina } from '@/lib/shared';
import { describeConsultation } from './describeConsultation';
import { readConsultations } from './readConsultations';
import type { ConsultationDetail } from './types';

/// A consultation as the public page shows it, for anyone once its opening day has come.
/// `consultation_not_found` before then, so that a consultation not yet announced looks exactly
/// like one that does not exist.
export async function getConsultation(engine: Engine, id: string, now: Date = new Date()): Promise<ConsultationDetail> {
  const [found] = await readConsultations(engine, eq(engine.t.consultations.id, id), todayInChina(now));
  if (!found || found.summary.status === 'upcoming') throw new AppError('not_found', 'consultation_not_found');
  return describeConsultation(engine, found.summary, found.row, 'public');
}
