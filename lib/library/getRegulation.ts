import { cleanInfoLine, unheldChangeBefore, unheldChanges, type UnheldChange } from './unheldChanges';
import { jurisdictionOf, type Jurisdiction } from './jurisdictionOf';
import { asc, eq, or } from 'drizzle-orm';
import * as schema from '@/db/schema';
import type { Regulation, RegulationVersion } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import type { Engine } from '@/db/engine';
import { AppError } from '@/lib/errors';
import type { ParseJson } from '@/lib/legal-text';
import { isIsoDate, todayInChina } from '@/lib/shared';
import { versionInForce } from './versionInForce';
import { datedVersions, outstandingChanges, regulationStatus, repealedBy, type LifecycleRow, type OutstandingChange, type RegulationStatus } from './lifecycle';
import { readRegulationEvents, readRegulationEventsOn } from './regulationEvents';
import { type VersionChange } from '@/lib/shared/vocabulary';

/// A version as the timeline shows it.
export type VersionSummary = {
  id: string;
  seq: number;
  change: VersionChange;
  title: string;
  adoptedOn: string | null;
  approvedOn: string | null;
  promulgatedOn: string | null;
  effectiveOn: string | null;
  infoLines: string[];
};

/// A regulation with the text in force on a date.
export type RegulationAtDate = {
  regulation: Pick<Regulation, 'id' | 'slug' | 'title' | 'kind' | 'region' | 'topic' | 'enactingBody' | 'approvingBody'> & { jurisdiction: Jurisdiction };
  /// The repeal in effect on `at`, if any (its date and the decision or regulation that did it).
  repealed: { on: string; source: string | null } | null;
  /// Every event of the regulation in date order; status and timeline are computed from them.
  events: LifecycleRow[];
  /// Later versions already adopted that are not yet in force on `at` (本法规已被修改，尚未施行).
  outstanding: OutstandingChange[];
  versions: VersionSummary[];
  at: string;
  /// The version shown: the one in force on `at`, or the first one when none was in force yet.
  version: VersionSummary;
  /// False when `at` is before the first version took effect (the first version is shown).
  inForceAt: boolean;
  /// False when the version shown is no longer the one in force today (a historical text).
  currentText: boolean;
  /// Changes the header lines name whose texts the library does not hold, for the timeline.
  unheld: UnheldChange[];
  /// The unheld change that had been made on `at` after the shown text took effect: the text
  /// shown then is not the one that applied.
  unheldAt: UnheldChange | null;
  status: RegulationStatus;
  amended: boolean;
  text: ParseJson;
};

/// A stored version as the timeline shows it.
export function versionSummary(v: RegulationVersion): VersionSummary {
  const { id, seq, change, title, adoptedOn, approvedOn, promulgatedOn, effectiveOn, infoLines } = v;
  return { id, seq, change, title, adoptedOn, approvedOn, promulgatedOn, effectiveOn, infoLines: infoLines.map(cleanInfoLine) };
}

type Tables = Pick<typeof schema, 'regulations' | 'regulationVersions'>;
type Reader = Pick<Db, 'select'>;

// The statements of the readers below, built once for both ways of running them.
const selectRegulation = (db: Reader, t: Tables, idOrSlug: string) => db.select().from(t.regulations).where(or(eq(t.regulations.id, idOrSlug), eq(t.regulations.slug, idOrSlug))).limit(1);
export const selectVersionsOf = (db: Reader, t: Tables, regulationId: string) => db.select().from(t.regulationVersions).where(eq(t.regulationVersions.regulationId, regulationId)).orderBy(asc(t.regulationVersions.seq));

const orNotFound = (reg: Regulation | undefined): Regulation => {
  if (!reg) throw new AppError('not_found', 'regulation_not_found');
  return reg;
};

/// Finds a regulation by id or slug; `not_found` otherwise. SQLite: see `findRegulationOn`.
export function findRegulation(idOrSlug: string, db: Db = getDatabase()): Regulation {
  return orNotFound(selectRegulation(db, schema, idOrSlug).get());
}

/// `findRegulation` on either engine.
export async function findRegulationOn({ db, t }: Engine, idOrSlug: string): Promise<Regulation> {
  return orNotFound((await selectRegulation(db, t, idOrSlug))[0]);
}

/// A regulation, its version timeline and the text in force on `at` (default today, China time).
/// Synchronous, on SQLite, for the callers inside SQLite transactions; `readRegulation` is the
/// same on either engine.
export function getRegulation(idOrSlug: string, opts: { at?: string; today?: string } = {}, db: Db = getDatabase()): RegulationAtDate {
  const at = checkedDate(opts);
  const reg = findRegulation(idOrSlug, db);
  return regulationAtDate(reg, readRegulationEvents(db, reg.id), selectVersionsOf(db, schema, reg.id).all(), at, opts.today);
}

/// `getRegulation` on either engine.
export async function readRegulation(engine: Engine, idOrSlug: string, opts: { at?: string; today?: string } = {}): Promise<RegulationAtDate> {
  const at = checkedDate(opts);
  const reg = await findRegulationOn(engine, idOrSlug);
  return regulationAtDate(reg, await readRegulationEventsOn(engine, reg.id), await selectVersionsOf(engine.db, engine.t, reg.id), at, opts.today);
}

/// The date asked for (default today, China time); `date_invalid` when it is no date.
function checkedDate(opts: { at?: string; today?: string }): string {
  if (opts.at !== undefined && !isIsoDate(opts.at)) throw new AppError('validation_failed', 'date_invalid');
  return opts.at ?? opts.today ?? todayInChina();
}

/// The regulation on `at`, from what was read: its row, its events and its versions in seq order.
function regulationAtDate(reg: Regulation, events: LifecycleRow[], versionRows: RegulationVersion[], at: string, today: string = todayInChina()): RegulationAtDate {
  const rows = datedVersions(versionRows, events);
  if (rows.length === 0) throw new AppError('not_found', 'regulation_not_found');
  const inForce = versionInForce(rows, at);
  const unheld = unheldChanges(rows);
  const chosen = inForce ?? rows[0];
  const { status, amended } = regulationStatus(rows, events, at);
  const repeal = repealedBy(events, at);
  return {
    regulation: { id: reg.id, slug: reg.slug, title: reg.title, kind: reg.kind, region: reg.region, topic: reg.topic, enactingBody: reg.enactingBody, approvingBody: reg.approvingBody, jurisdiction: jurisdictionOf(reg) },
    repealed: repeal ? { on: repeal.on, source: repeal.source ?? null } : null,
    events,
    outstanding: outstandingChanges(rows, events, at, today),
    versions: rows.map(versionSummary),
    at,
    version: versionSummary(chosen),
    inForceAt: inForce !== null,
    currentText: chosen.id === (versionInForce(rows, today) ?? rows[0]).id,
    unheld,
    unheldAt: unheldChangeBefore(unheld, chosen.effectiveOn, at),
    status,
    amended,
    text: chosen.structure as ParseJson,
  };
}
