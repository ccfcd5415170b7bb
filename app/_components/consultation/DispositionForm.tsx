'use client';

import { useActionState } from 'react';
import { setDispositionAction } from '@/app/_actions/consultation';
import type { FormState } from '@/app/_lib/formState';
import { dispositions, type Disposition } from '@/lib/shared/vocabulary';
import { FormMessage } from '../FormMessage';
import { useT } from '../I18nProvider';

/// The disposition of one comment (or of its whole campaign group): 采纳 / 部分采纳 / 未采纳 /
/// 已吸收 with the reason the public will read.
export function DispositionForm({ commentId, groupSize, current, path }: { commentId: string; groupSize: number; current: { disposition: Disposition; reason: string } | null; path: string }) {
  const t = useT();
  const [state, action, pending] = useActionState<FormState, FormData>(setDispositionAction, {});
  return (
    <form action={action} className="form disposition-form">
      <input type="hidden" name="commentId" value={commentId} />
      <input type="hidden" name="path" value={path} />
      <fieldset className="choice choice--inline">
        <legend>{t('manage.disposition')}</legend>
        {dispositions.map((d) => (
          <label key={d}>
            <input type="radio" name="disposition" value={d} required defaultChecked={(state.values?.disposition ?? current?.disposition) === d} /> {t(`disposition.${d}`)}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>{t('manage.reason')}</span>
        <textarea name="reason" rows={2} required maxLength={2000} defaultValue={state.values?.reason ?? current?.reason} />
      </label>
      {groupSize > 1 && (
        <label className="checkbox">
          <input type="checkbox" name="wholeGroup" defaultChecked /> {t('manage.wholeGroup', { n: groupSize })}
        </label>
      )}
      <FormMessage state={state} />
      <button type="submit" className="button" disabled={pending}>
        {t('manage.saveDisposition')}
      </button>
    </form>
  );
}
