import { and, gt, gte, lt, lte } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import { todayInChina } from '@/lib/shared';
import { readConsultations } from './readConsultations';
import type { ConsultationStatus, ConsultationSummary } from './types';

/// Consultations by status on today's China date, newest opening date first, with their published
/// comment counts. Public pages ask for `open` or `closed`; without a status every consultation is
/// listed, upcoming ones included, so only staff screens may call it that way.
export async function listConsultations(engine: Engine, filter: { status?: ConsultationStatus } = {}, now: Date = new Date()): Promise<ConsultationSummary[]> {
  const today = todayInChina(now);
  const { consultations } = engine.t;
  const where =
    filter.status === 'open'
      ? and(lte(consultations.opensOn, today), gte(consultations.closesOn, today))
      : filter.status === 'closed'
        ? lt(consultations.closesOn, today)
        : filter.status === 'upcoming'
          ? gt(consultations.opensOn, today)
          : undefined;
  return (await readConsultations(engine, where, today)).map((r) => r.summary);
}
