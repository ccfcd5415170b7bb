import type { LifecycleEventKind, RegulationStatus as RegulationStatusWord } from '@/lib/shared';
import { versionInForce, type DatedVersion } from './versionInForce';

/// One event of a regulation as the lifecycle computations read it.
export type LifecycleRow = { kind: LifecycleEventKind; on: string; versionId: string | null; body?: string | null; source?: string | null };

/// Status of a regulation on a date, as the library shows and filters it.
export type RegulationStatus = Exclude<RegulationStatusWord, 'amended'>;

/// The versions with the date each took effect read from its `effective` event (a version with
/// no such event keeps the date it was imported with; none means in force from the start).
export function datedVersions<V extends DatedVersion>(versions: V[], events: LifecycleRow[]): V[] {
  const effective = new Map<string, string>();
  for (const e of events) if (e.kind === 'effective' && e.versionId) effective.set(e.versionId, e.on);
  return versions.map((v) => ({ ...v, effectiveOn: effective.get(v.id) ?? v.effectiveOn }));
}

/// The date a regulation was repealed on or before `date`, from its `repealed` event.
export function repealedBy(events: LifecycleRow[], date: string): LifecycleRow | null {
  return events.filter((e) => e.kind === 'repealed' && e.on <= date).sort((a, b) => a.on.localeCompare(b.on))[0] ?? null;
}

/// Whether a regulation was in force on `date`, repealed, or not yet effective, computed from its
/// events; and whether the text in force then has been amended or revised since its first
/// adoption (已修改).
export function regulationStatus(versions: DatedVersion[], events: LifecycleRow[], date: string): { status: RegulationStatus; amended: boolean } {
  const dated = datedVersions(versions, events);
  const current = versionInForce(dated, date);
  const status: RegulationStatus = repealedBy(events, date) ? 'repealed' : current ? 'in_force' : 'not_yet_effective';
  return { status, amended: current ? current.seq > 1 : false };
}

/// A change already adopted (its version promulgated or adopted by `today`) that is not yet in
/// force on `at`: legislation.gov.uk's "outstanding changes".
export interface OutstandingChange {
  versionId: string;
  seq: number;
  effectiveOn: string;
}

/// The later versions that will replace the text in force on `at`, in the order they take effect:
/// those with an effective date after `at` whose adoption or promulgation is on or before `today`.
export function outstandingChanges(versions: DatedVersion[], events: LifecycleRow[], at: string, today: string): OutstandingChange[] {
  const dated = datedVersions(versions, events);
  const shown = versionInForce(dated, at);
  const known = new Set(events.filter((e) => e.versionId && e.kind !== 'effective' && e.on <= today).map((e) => e.versionId));
  return dated
    .filter((v) => v.effectiveOn && v.effectiveOn > at && (!shown || v.seq > shown.seq) && known.has(v.id))
    .sort((a, b) => a.effectiveOn!.localeCompare(b.effectiveOn!) || a.seq - b.seq)
    .map((v) => ({ versionId: v.id, seq: v.seq, effectiveOn: v.effectiveOn! }));
}
