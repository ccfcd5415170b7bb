import { cleanInfoLine, unheldChangeBefore, unheldChanges, type UnheldChange } from './unheldChanges';
import { jurisdictionOf, type Jurisdiction } from './jurisdictionOf';
import { asc, eq, or } from 'drizzle-orm';
import { regulations, regulationVersions, type Regulation, type RegulationVersion } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import { AppError } from '@/lib/errors';
import type { ParseJson } from '@/lib/legal-text';
import { isIsoDate, todayInChina } from '@/lib/shared';
import { versionInForce } from './versionInForce';
import { datedVersions, outstandingChanges, regulationStatus, repealedBy, type LifecycleRow, type OutstandingChange, type RegulationStatus } from './lifecycle';
import { readRegulationEvents } from './regulationEvents';
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

/// Finds a regulation by id or slug; `not_found` otherwise.
export function findRegulation(idOrSlug: string, db: Db = getDatabase()): Regulation {
  const reg = db.select().from(regulations).where(or(eq(regulations.id, idOrSlug), eq(regulations.slug, idOrSlug))).get();
  if (!reg) throw new AppError('not_found', 'regulation_not_found');
  return reg;
}

/// A regulation, its version timeline and the text in force on `at` (default today, China time).
export function getRegulation(idOrSlug: string, opts: { at?: string; today?: string } = {}, db: Db = getDatabase()): RegulationAtDate {
  if (opts.at !== undefined && !isIsoDate(opts.at)) throw new AppError('validation_failed', 'date_invalid');
  const at = opts.at ?? opts.today ?? todayInChina();
  const reg = findRegulation(idOrSlug, db);
  const events = readRegulationEvents(db, reg.id);
  const rows = datedVersions(db.select().from(regulationVersions).where(eq(regulationVersions.regulationId, reg.id)).orderBy(asc(regulationVersions.seq)).all(), events);
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
    outstanding: outstandingChanges(rows, events, at, opts.today ?? todayInChina()),
    versions: rows.map(versionSummary),
    at,
    version: versionSummary(chosen),
    inForceAt: inForce !== null,
    currentText: chosen.id === (versionInForce(rows, opts.today ?? todayInChina()) ?? rows[0]).id,
    unheld,
    unheldAt: unheldChangeBefore(unheld, chosen.effectiveOn, at),
    status,
    amended,
    text: chosen.structure as ParseJson,
  };
}
