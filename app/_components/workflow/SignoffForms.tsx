'use client';

import { useActionState } from 'react';
import { decideSignoffAction, requestSignoffAction } from '@/app/_actions/workflow';
import type { FormState } from '@/app/_lib/formState';
import { FormMessage } from '../FormMessage';
import { useT } from '../I18nProvider';

/// "请求签批": the coordinator asks a reviewer, by e-mail, to sign off the text for a stage.
export function RequestSignoffForm({ billId, stages }: { billId: string; stages: { stage: string; label: string }[] }) {
  const t = useT();
  const [state, action, pending] = useActionState<FormState, FormData>(requestSignoffAction, {});
  return (
    <form action={action} className="form form--inline" data-testid="request-signoff">
      <input type="hidden" name="billId" value={billId} />
      <label className="field">
        <span>{t('workflow.colStage')}</span>
        <select name="stage">
          {stages.map((s) => (
            <option key={s.stage} value={s.stage}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('workflow.reviewerEmail')}</span>
        <input type="email" name="reviewerEmail" required maxLength={254} defaultValue={state.error ? state.values?.reviewerEmail : ''} key={state.notice} />
      </label>
      <button type="submit" className="button" disabled={pending}>
        {pending ? '…' : t('workflow.requestSubmit')}
      </button>
      <FormMessage state={state} />
    </form>
  );
}

/// A reviewer's sign-off of the current text for a stage: approve or reject, with a note.
export function DecideSignoffForm({ billId, stage, label }: { billId: string; stage: string; label: string }) {
  const t = useT();
  const [state, action, pending] = useActionState<FormState, FormData>(decideSignoffAction, {});
  return (
    <form action={action} className="form" data-testid="decide-signoff">
      <input type="hidden" name="billId" value={billId} />
      <input type="hidden" name="stage" value={stage} />
      <p>
        <strong>{label}</strong>
      </p>
      <label className="field">
        <span>{t('workflow.note')}</span>
        <textarea name="note" rows={2} maxLength={2000} />
      </label>
      <FormMessage state={state} />
      <div className="form--inline">
        <button type="submit" name="decision" value="approve" className="button button--primary" disabled={pending}>
          {t('workflow.decision.approve')}
        </button>
        <button type="submit" name="decision" value="reject" className="button" disabled={pending}>
          {t('workflow.decision.reject')}
        </button>
      </div>
    </form>
  );
}
