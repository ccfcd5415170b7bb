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
