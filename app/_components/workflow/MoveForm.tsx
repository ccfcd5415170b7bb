'use client';

import { useActionState, useState } from 'react';
import { moveBillAction } from '@/app/_actions/workflow';
import type { FormState } from '@/app/_lib/formState';
import { FormMessage } from '../FormMessage';
import { useT } from '../I18nProvider';

/// One move the coordinator may make from the current stage, with what it needs.
export interface MoveChoice {
  to: string;
  label: string;
  kind: 'forward' | 'skip' | 'back' | 'end';
  needs: string[];
  opensConsultation: boolean;
}

/// "推进程序": where to (the next stage first), a note for the record, a reason when going back,
/// skipping or ending, and the consultation's closing date when entering 征求意见. What the chosen
/// move needs (sign-offs, a passing vote, versions saved on the way) is listed before sending.
export function MoveForm({ billId, stage, choices, defaultCloses }: { billId: string; stage: string; choices: MoveChoice[]; defaultCloses: string }) {
  const t = useT();
  const [state, action, pending] = useActionState<FormState, FormData>(moveBillAction, {});
  const [to, setTo] = useState(choices[0]?.to ?? '');
  const chosen = choices.find((c) => c.to === to);
  return (
    <form action={action} className="form move-form" data-testid="move-form">
      <input type="hidden" name="billId" value={billId} />
      <input type="hidden" name="expectedStage" value={stage} />
      <label className="field">
        <span>{t('workflow.moveTo')}</span>
        <select name="to" value={to} onChange={(e) => setTo(e.target.value)}>
          {choices.map((c) => (
            <option key={c.to} value={c.to}>
              {c.label}（{t(`workflow.moveKind.${c.kind}`)}）
            </option>
          ))}
        </select>
      </label>
      {chosen && chosen.needs.length > 0 && (
        <div className="move-needs" aria-live="polite">
          <p>{t('workflow.needs')}</p>
          <ul>
            {chosen.needs.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      )}
      {chosen?.opensConsultation && (
        <div className="form--inline form">
          <label className="field">
            <span>{t('workflow.consultationCloses')}</span>
            <input type="date" name="closesOn" defaultValue={defaultCloses} />
          </label>
          <label className="field field--wide">
            <span>{t('workflow.consultationDescription')}</span>
            <input name="description" maxLength={2000} />
          </label>
        </div>
      )}
      <label className="field">
        <span>{t('workflow.note')}</span>
        <textarea name="note" rows={2} maxLength={2000} required defaultValue={state.error ? state.values?.note : ''} key={state.notice} />
      </label>
      {chosen && chosen.kind !== 'forward' && (
        <label className="field">
          <span>{t('workflow.reason')}</span>
          <textarea name="reason" rows={2} maxLength={2000} required defaultValue={state.error ? state.values?.reason : ''} key={state.notice} />
        </label>
      )}
      <FormMessage state={state} />
      <button type="submit" className="button button--primary" disabled={pending || !chosen}>
        {pending ? '…' : t('workflow.moveSubmit')}
      </button>
    </form>
  );
}
