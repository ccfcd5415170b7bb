import type { RegulationEvent } from '@/lib/legal-text';

/// An amendment or revision that a held text's header lines name but whose own text the
/// library does not hold (e.g. 北京市审计条例's 2017 修正, between the 2012 and 2023 texts).
export type UnheldChange = { on: string; change: 'amendment' | 'revision' };

type HeldVersion = { effectiveOn: string | null; adoptedOn: string | null; events: unknown };

const changeEvents = (v: HeldVersion) => ((v.events ?? []) as RegulationEvent[]).filter((e) => (e.kind === 'amended' || e.kind === 'revised') && e.date);

/// The changes named in any version's header lines that no held version is the text of: a version
/// is the text of the latest change its own header names, and of the change on its effective date.
export function unheldChanges(versions: HeldVersion[]): UnheldChange[] {
  const held = new Set<string>();
  for (const v of versions) {
    const latest = changeEvents(v).at(-1)?.date;
    if (latest) held.add(latest);
    if (v.effectiveOn) held.add(v.effectiveOn);
  }
  const named = new Map<string, UnheldChange>();
  for (const v of versions) {
    for (const e of changeEvents(v)) if (!held.has(e.date!)) named.set(e.date!, { on: e.date!, change: e.kind === 'revised' ? 'revision' : 'amendment' });
  }
  return [...named.values()].sort((a, b) => a.on.localeCompare(b.on));
}

/// The unheld change that had already been made on `at` after the shown text took effect: then
/// the text shown is not the one that applied, and the page must say so.
export function unheldChangeBefore(unheld: UnheldChange[], shownEffectiveOn: string | null, at: string): UnheldChange | null {
  return unheld.filter((c) => c.on <= at && (!shownEffectiveOn || c.on > shownEffectiveOn)).at(-1) ?? null;
}

/// A header line as it should read: stray closing brackets and spaces at its end removed (the
/// 2023 line of 北京市审计条例 ends in a lone "）").
export function cleanInfoLine(line: string): string {
  let s = line.replace(/[\s\u3000\u200b]+$/u, '');
  const opens = (s.match(/[（(]/g) ?? []).length;
  const closes = (s.match(/[）)]/g) ?? []).length;
  if (closes > opens) s = s.replace(/[）)]+$/, '').replace(/[\s\u3000]+$/u, '');
  return s;
}
