import { regulationEvents } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import { recordAudit } from '@/lib/audit';
import { can, type CurrentUser } from '@/lib/auth';
import { AppError } from '@/lib/errors';
import { bumpLibraryGeneration, findRegulation, readRegulationEvents, refreshCurrentVersion } from '@/lib/library';
import { parseInput } from '@/lib/shared';
import { repealSchema, type RepealInput } from './schemas';

/// Records the repeal (废止) of a regulation from a date, by a decision or a later regulation
/// (`source`), for an admin: one `repealed` event and its audit entry in one transaction. A
/// regulation already repealed, or a date before its adoption, is refused. From that date its
/// status is 已废止, computed from the event like every other.
export function repealRegulation(actor: CurrentUser | null, idOrSlug: string, input: RepealInput | unknown, db: Db = getDatabase(), now: Date = new Date()): { regulationId: string; repealedOn: string } {
  if (!can(actor, 'library:repeal')) throw new AppError(actor ? 'forbidden' : 'unauthenticated', 'repeal_forbidden');
  const data = parseInput(repealSchema, input);
  const reg = findRegulation(idOrSlug, db);
  const events = readRegulationEvents(db, reg.id);
  if (events.some((e) => e.kind === 'repealed')) throw new AppError('conflict', 'already_repealed');
  const first = events.find((e) => e.kind === 'adopted' || e.kind === 'effective');
  if (first && data.repealedOn < first.on) throw new AppError('validation_failed', 'repealed_before_adoption', { details: { fields: [{ path: 'repealedOn', message: 'repealed_before_adoption' }] } });
  db.transaction(
    (tx) => {
      tx.insert(regulationEvents).values({ regulationId: reg.id, kind: 'repealed', on: data.repealedOn, source: data.source }).run();
      bumpLibraryGeneration(tx);
      recordAudit(tx, { actorId: actor!.id, action: 'regulation.repeal', targetType: 'regulation', targetId: reg.id, detail: { repealedOn: data.repealedOn, source: data.source } }, now);
    },
    { behavior: 'immediate' },
  );
  refreshCurrentVersion(reg.id, db);
  return { regulationId: reg.id, repealedOn: data.repealedOn };
}
