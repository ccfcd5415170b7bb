import type { Translate } from '@/lib/i18n';
import type { ComparableText } from '@/lib/versioning';

/// A plain GET form choosing 修改前 and 修改后; works without script and from the keyboard.
export function ComparePicker({ billId, choices, from, to, t }: { billId: string; choices: ComparableText[]; from: string; to: string; t: Translate }) {
  return (
    <form method="get" action={`/bills/${billId}/compare`} className="form form--inline compare-picker" aria-label={t('compare.pick')}>
      {(['from', 'to'] as const).map((side) => (
        <label key={side} className="field">
          <span>{t(`compare.${side}`)}</span>
          <select name={side} defaultValue={side === 'from' ? from : to}>
            {choices.map((c) => (
              <option key={c.ref} value={c.ref}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
      ))}
      <button type="submit" className="button">
        {t('compare.go')}
      </button>
    </form>
  );
}
