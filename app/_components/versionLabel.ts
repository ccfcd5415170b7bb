import type { VersionSummary } from '@/lib/library';
import type { Locale, Translate } from '@/lib/i18n';
import { changeKey, displayDate } from '@/app/_lib/library';

/// How the library names a published version wherever it lists them (the timeline, 本条沿革, the
/// version comparison): its effective date and what it did, e.g. 2023年11月24日 · 修正.
export function versionLabel(version: Pick<VersionSummary, 'effectiveOn' | 'change'>, t: Translate, locale: Locale): string {
  return `${displayDate(version.effectiveOn, locale)} · ${t(changeKey(version.change))}`;
}
