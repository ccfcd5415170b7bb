import type { BillDetail } from '@/lib/drafting';
import { translator, type Locale } from '@/lib/i18n';
import { describeText } from './comparisonDocument';
import type { DraftVersionSummary } from './listDraftVersions';

/// A text of a bill that can be put on either side of a comparison: `current` (the live draft),
/// a version id, or `in-force` (the regulation an amendment bill amends), with its name.
export interface ComparableText {
  ref: string;
  label: string;
}

/// The texts of a bill that can be compared — the live draft, each version newest first, and for
/// an amendment the text in force — and the one a comparison starts from when none is chosen:
/// the latest version, else the text in force, else the draft itself. `versions` are the bill's,
/// newest first, as listDraftVersions gives them.
export function listComparableTexts(
  bill: Pick<BillDetail, 'regulationId'>,
  locale: Locale,
  versions: DraftVersionSummary[],
): { choices: ComparableText[]; latest: string | null; defaultFrom: string } {
  const t = translator(locale);
  const choices: ComparableText[] = [
    { ref: 'current', label: t('compare.current') },
    ...versions.map((v) => ({ ref: v.id, label: describeText({ kind: 'version', name: v.name, seq: v.seq }, locale) })),
    ...(bill.regulationId ? [{ ref: 'in-force', label: t('compare.inForce') }] : []),
  ];
  const latest = versions[0]?.id ?? null;
  return { choices, latest, defaultFrom: latest ?? (bill.regulationId ? 'in-force' : 'current') };
}
