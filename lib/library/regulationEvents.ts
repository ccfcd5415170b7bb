import { asc, eq } from 'drizzle-orm';
import { regulationEvents } from '@/db/schema';
import type { Db } from '@/db/client';
import type { Engine } from '@/db/engine';
import type { VersionChange } from '@/lib/shared';
import type { LifecycleRow } from './lifecycle';

const lifecycleColumns = { kind: regulationEvents.kind, on: regulationEvents.on, versionId: regulationEvents.versionId, body: regulationEvents.body, source: regulationEvents.source };

/// The events of one regulation in date order.
export function readRegulationEvents(db: Db, regulationId: string): LifecycleRow[] {
  return db.select(lifecycleColumns).from(regulationEvents).where(eq(regulationEvents.regulationId, regulationId)).orderBy(asc(regulationEvents.on), asc(regulationEvents.id)).all();
}

/// `readRegulationEvents` on either engine.
export async function readRegulationEventsOn({ db, t }: Engine, regulationId: string): Promise<LifecycleRow[]> {
  const e = t.regulationEvents;
  return db.select({ kind: e.kind, on: e.on, versionId: e.versionId, body: e.body, source: e.source }).from(e).where(eq(e.regulationId, regulationId)).orderBy(asc(e.on), asc(e.id));
}

/// The events of every regulation, by regulation id, each list in date order.
export async function readAllRegulationEvents({ db, t }: Engine): Promise<Map<string, LifecycleRow[]>> {
  const e = t.regulationEvents;
  const rows = await db.select({ regulationId: e.regulationId, kind: e.kind, on: e.on, versionId: e.versionId, body: e.body, source: e.source }).from(e).orderBy(asc(e.on), asc(e.id));
  const out = new Map<string, LifecycleRow[]>();
  for (const { regulationId, ...row } of rows) out.set(regulationId, [...(out.get(regulationId) ?? []), row]);
  return out;
}

/// The dates of a new version, as it was adopted and published.
export interface VersionDates {
  regulationId: string;
  versionId: string;
  seq: number;
  change: VersionChange;
  adoptedOn: string | null;
  approvedOn: string | null;
  promulgatedOn: string | null;
  effectiveOn: string | null;
  /// The body that adopted it, and the one that approved it.
  body?: string | null;
  approvingBody?: string | null;
  /// The decision that made an amendment, e.g. 《关于修改〈…〉的决定》.
  source?: string | null;
  billId?: string | null;
}

/// The event rows of a new version: its adoption (or amendment / revision), approval,
/// promulgation and entry into force, each when its date is known.
export function versionEventRows(v: VersionDates) {
  const adoption = v.seq === 1 || v.change === 'original' ? 'adopted' : v.change === 'revision' ? 'revised' : 'amended';
  const events = [
    { kind: adoption, on: v.adoptedOn, body: v.body ?? null, source: v.source ?? null },
    { kind: 'approved', on: v.approvedOn, body: v.approvingBody ?? null, source: null },
    { kind: 'promulgated', on: v.promulgatedOn, body: v.body ?? null, source: null },
    { kind: 'effective', on: v.effectiveOn, body: null, source: null },
  ] as const;
  return events.flatMap((e) => (e.on ? [{ regulationId: v.regulationId, versionId: v.versionId, kind: e.kind, on: e.on, body: e.body, source: e.source, billId: v.billId ?? null }] : []));
}
