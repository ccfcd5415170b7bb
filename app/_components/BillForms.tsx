'use client';

import { useActionState, useState } from 'react';
import { createBillAction, setMemberAction } from '@/app/_actions/bills';
import type { FormState } from '@/app/_lib/formState';
import { FormMessage } from './FormMessage';
import { useT } from './I18nProvider';
import { billKinds } from '@/lib/shared/vocabulary';
import { vocabularyLabel } from '@/lib/i18n';

/// The new-bill form: title, type, and where the first text comes from.
export function NewBillForm({ regulations }: { regulations: { id: string; title: string }[] }) {
  const t = useT();
  const [state, action, pending] = useActionState<FormState, FormData>(createBillAction, {});
  const [start, setStart] = useState(state.values?.start ?? 'blank');
  return (
    <form action={action} className="form">
      <label className="field">
        <span>{t('bills.name')}</span>
        <input name="title" required maxLength={120} defaultValue={state.values?.title} placeholder="××市××条例" />
      </label>
      <div className="form--inline form">
        <label className="field">
          <span>{t('bills.kind')}</span>
          <select name="kind" defaultValue={state.values?.kind ?? 'local_regulation'}>
            {billKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(vocabularyLabel('regulationKind', kind))}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('bills.sponsor')}</span>
          <input name="sponsor" maxLength={120} />
        </label>
      </div>
      <fieldset className="choice">
        <legend>{t('bills.start')}</legend>
        {(['blank', 'text', 'regulation'] as const).map((k) => (
          <label key={k}>
            <input type="radio" name="start" value={k} checked={start === k} onChange={() => setStart(k)} />{' '}
            {t(k === 'blank' ? 'bills.startBlank' : k === 'text' ? 'bills.startText' : 'bills.startRegulation')}
          </label>
        ))}
      </fieldset>
      {start === 'text' && (
        <label className="field">
          <span>{t('bills.text')}</span>
          <textarea name="text" rows={10} defaultValue={state.values?.text} aria-describedby="bill-text-hint" />
          <small id="bill-text-hint">{t('bills.textHint')}</small>
        </label>
      )}
      {start === 'regulation' && (
        <label className="field">
          <span>{t('bills.regulation')}</span>
          <select name="regulationId" defaultValue={state.values?.regulationId}>
            {regulations.map((r) => (
              <option key={r.id} value={r.id}>
                {r.title}
              </option>
            ))}
          </select>
        </label>
      )}
      <FormMessage state={state} />
      <button type="submit" className="button button--primary" disabled={pending} aria-busy={pending}>
        {t('bills.create')}
      </button>
    </form>
  );
}

/// Adds a colleague to the bill as editor or reviewer.
export function AddMemberForm({ billId }: { billId: string }) {
  const t = useT();
  const [state, action, pending] = useActionState<FormState, FormData>(setMemberAction, {});
  return (
    <form action={action} className="form form--inline member-form" key={state.notice ?? 'm'}>
      <input type="hidden" name="billId" value={billId} />
      <label className="field">
        <span>{t('bills.memberEmail')}</span>
        <input name="email" type="email" required defaultValue={state.values?.email} />
      </label>
      <label className="field">
        <span>{t('bills.memberRole')}</span>
        <select name="role" defaultValue="editor">
          <option value="editor">{t('bills.role.editor')}</option>
          <option value="reviewer">{t('bills.role.reviewer')}</option>
        </select>
      </label>
      <button type="submit" className="button" disabled={pending}>
        {t('bills.addMember')}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
