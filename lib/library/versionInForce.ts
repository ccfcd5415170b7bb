import type { RegulationStatus as RegulationStatusWord } from '@/lib/shared';

/// The minimum a version needs for point-in-time questions.
export type DatedVersion = { id: string; seq: number; effectiveOn: string | null };

/// The version in force on `date`: the latest one whose effective date is on or before it
/// (versions without a date count as in force from the start). Null when none was yet in force.
export function versionInForce<V extends DatedVersion>(versions: V[], date: string): V | null {
  const ordered = [...versions].sort((a, b) => (a.effectiveOn ?? '').localeCompare(b.effectiveOn ?? '') || a.seq - b.seq);
  let found: V | null = null;
  for (const v of ordered) if ((v.effectiveOn ?? '') <= date) found = v;
  return found;
}

/// Status of a regulation on a date, as the library shows and filters it.
export type RegulationStatus = Exclude<RegulationStatusWord, 'amended'>;

/// Whether a regulation was in force on `date`, repealed, or not yet effective; and whether its
/// text has been amended or revised since it was first adopted (已修改).
export function regulationStatus(versions: DatedVersion[], repealedOn: string | null, date: string): { status: RegulationStatus; amended: boolean } {
  const current = versionInForce(versions, date);
  const status: RegulationStatus = repealedOn && repealedOn <= date ? 'repealed' : current ? 'in_force' : 'not_yet_effective';
  // Versions are numbered 1, 2, … on import, so any text after the first has been amended.
  return { status, amended: current ? current.seq > 1 : false };
}
