import { lockRow, type Engine } from '@/db/engine';
import { withTransaction } from '@/db/withTransaction';
import { appendAudit } from '@/lib/audit';
import { can, type CurrentUser } from '@/lib/auth';
import { AppError } from '@/lib/errors';
import { bumpLibraryGenerationOn, findRegulationOn, readRegulationEventsOn, refreshCurrentVersion } from '@/lib/library';
import { parseInput } from '@/lib/shared';
import { repealSchema, type RepealInput } from './schemas';

/// Records the repeal (废止) of a regulation from a date, by a decision or a later regulation
/// (`source`), for an admin: one `repealed` event and its audit entry in one transaction. A
/// regulation already repealed, or a date before its adoption, is refused. From that date its
/// status is 已废止, computed from the event like every other.
export async function repealRegulation(engine: Engine, actor: CurrentUser | null, idOrSlug: string, input: RepealInput | unknown, now: Date = new Date()): Promise<{ regulationId: string; repealedOn: string }> {
  if (!can(actor, 'library:repeal')) throw new AppError(actor ? 'forbidden' : 'unauthenticated', 'repeal_forbidden');
  const data = parseInput(repealSchema, input);
  const reg = await findRegulationOn(engine, idOrSlug);
  await withTransaction(engine, async (tx) => {
    // Two repeals of one regulation at once: the second waits, then sees the first's event.
    await lockRow(tx, tx.t.regulations, reg.id);
    const events = await readRegulationEventsOn(tx, reg.id);
    if (events.some((e) => e.kind === 'repealed')) throw new AppError('conflict', 'already_repealed');
    const first = events.find((e) => e.kind === 'adopted' || e.kind === 'effective');
    if (first && data.repealedOn < first.on) throw new AppError('validation_failed', 'repealed_before_adoption', { details: { fields: [{ path: 'repealedOn', message: 'repealed_before_adoption' }] } });
    await tx.db.insert(tx.t.regulationEvents).values({ regulationId: reg.id, kind: 'repealed', on: data.repealedOn, source: data.source });
    await bumpLibraryGenerationOn(tx);
    await appendAudit(tx, { actorId: actor!.id, action: 'regulation.repeal', targetType: 'regulation', targetId: reg.id, detail: { repealedOn: data.repealedOn, source: data.source } }, now);
  });
  await refreshCurrentVersion(engine, reg.id);
  return { regulationId: reg.id, repealedOn: data.repealedOn };
}
