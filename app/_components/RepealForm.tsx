'use client';

import { useActionState } from 'react';
import { repealRegulationAction } from '@/app/_actions/publication';
import type { FormState } from '@/app/_lib/formState';
import { FormMessage } from './FormMessage';
import { useT } from './I18nProvider';

/// "记录废止" for admins on a regulation's page: the date it ceases and the decision or later
/// regulation that repealed it.
export function RepealForm({ regulation, today }: { regulation: string; today: string }) {
  const t = useT();
  const [state, action, pending] = useActionState<FormState, FormData>(repealRegulationAction, {});
  return (
    <details className="repeal-form">
      <summary>{t('publication.repeal')}</summary>
      <form action={action} className="form" data-testid="repeal-form">
        <input type="hidden" name="regulation" value={regulation} />
        <label className="field">
          <span>{t('publication.repealedOn')}</span>
          <input name="repealedOn" type="date" defaultValue={state.error ? state.values?.repealedOn : today} key={`d${state.error ?? ''}`} />
        </label>
        <label className="field">
          <span>{t('publication.repealSource')}</span>
          <input name="source" defaultValue={state.error ? state.values?.source : ''} key={`s${state.error ?? ''}`} placeholder={t('publication.repealSourceHint')} />
        </label>
        <FormMessage state={state} />
        <button type="submit" className="button button--danger" disabled={pending}>
          {t('publication.repealSubmit')}
        </button>
      </form>
    </details>
  );
}
