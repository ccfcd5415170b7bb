import type { Translate } from '@/lib/i18n';

/// The texts a bill can be compared on: its saved versions, the live draft, and (for an
/// amendment) the text in force.
export type TextChoice = { ref: string; label: string };

/// A plain GET form choosing 修改前 and 修改后; works without script and from the keyboard.
export function ComparePicker({ billId, choices, from, to, t }: { billId: string; choices: TextChoice[]; from: string; to: string; t: Translate }) {
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
