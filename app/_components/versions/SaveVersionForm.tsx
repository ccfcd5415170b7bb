'use client';

import { useActionState } from 'react';
import { saveVersionAction } from '@/app/_actions/versions';
import type { FormState } from '@/app/_lib/formState';
import { FormMessage } from '../FormMessage';
import { useT } from '../I18nProvider';

/// "保存版本": a name (征求意见稿 …) and an optional note; the saved version cannot be changed.
export function SaveVersionForm({ billId, draftId }: { billId: string; draftId: string }) {
  const t = useT();
  const [state, action, pending] = useActionState<FormState, FormData>(saveVersionAction, {});
  return (
    <form action={action} className="form save-version">
      <input type="hidden" name="billId" value={billId} />
      <input type="hidden" name="draftId" value={draftId} />
      <label className="field">
        <span>{t('versions.name')}</span>
        <input name="name" required maxLength={40} list="version-names" placeholder={t('versions.namePlaceholder')} defaultValue={state.error ? state.values?.name : ''} key={state.notice} />
        <datalist id="version-names">
          {['征求意见稿', '一审稿', '二审稿', '三审稿', '表决稿'].map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
      </label>
      <label className="field">
        <span>{t('versions.note')}</span>
        <textarea name="note" rows={2} maxLength={2000} defaultValue={state.error ? state.values?.note : ''} key={state.notice} />
      </label>
      <p className="aside">{t('versions.saveHint')}</p>
      <FormMessage state={state} />
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? '…' : t('versions.save')}
      </button>
    </form>
  );
}
