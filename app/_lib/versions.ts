import type { CurrentUser } from '@/lib/auth';
import type { Locale } from '@/lib/i18n';
import { translator } from '@/lib/i18n';
import { describeText, listDraftVersions } from '@/lib/versioning';
import type { BillDetail } from '@/lib/drafting';
import type { TextChoice } from '@/app/_components/versions/ComparePicker';

/// What a bill's texts can be compared among, newest version first, then the live draft and
/// (for an amendment) the text in force. Pass `versions` when the page already listed them.
export function textChoices(user: CurrentUser, bill: BillDetail, locale: Locale, versions = listDraftVersions(user, bill.draftId)): { choices: TextChoice[]; latest: string | null } {
  const t = translator(locale);
  const choices: TextChoice[] = [
    { ref: 'current', label: t('compare.current') },
    ...versions.map((v) => ({ ref: v.id, label: describeText({ kind: 'version', name: v.name, seq: v.seq }, locale) })),
    ...(bill.regulationId ? [{ ref: 'in-force', label: t('compare.inForce') }] : []),
  ];
  return { choices, latest: versions[0]?.id ?? null };
}
