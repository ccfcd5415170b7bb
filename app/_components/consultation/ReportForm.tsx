'use client';

import { useActionState } from 'react';
import { publishReportAction } from '@/app/_actions/consultation';
import type { FormState } from '@/app/_lib/formState';
import { FormMessage } from '../FormMessage';
import { useT } from '../I18nProvider';

/// Publishes the 征求意见情况通报: the summary paragraph that heads the per-article account.
export function ReportForm({ consultationId, summary, path }: { consultationId: string; summary: string | null; path: string }) {
  const t = useT();
  const [state, action, pending] = useActionState<FormState, FormData>(publishReportAction, {});
  return (
    <form action={action} className="form">
      <input type="hidden" name="consultationId" value={consultationId} />
      <input type="hidden" name="path" value={path} />
      <label className="field">
        <span>{t('manage.reportSummary')}</span>
        <textarea name="summary" rows={5} required maxLength={5000} defaultValue={state.values?.summary ?? summary ?? ''} />
      </label>
      <FormMessage state={state} />
      <button type="submit" className="button button--primary" disabled={pending}>
        {t('manage.publishReport')}
      </button>
    </form>
  );
}
