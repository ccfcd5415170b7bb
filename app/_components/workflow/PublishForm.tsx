'use client';

import { useActionState } from 'react';
import { publishBillAction, recordFilingAction } from '@/app/_actions/publication';
import type { FormState } from '@/app/_lib/formState';
import type { BillPublication } from '@/lib/publication';
import { FormMessage } from '../FormMessage';
import { useT } from '../I18nProvider';

/// What the publication form starts from (getBillPublication's `form`), with today's date and a
/// date of effect to offer.
export type PublishDefaults = NonNullable<BillPublication['form']> & { today: string; effectiveOn: string };

/// "公布": the 公告's number and issuing body, the adopting meeting, the approval, and the dates of
/// adoption, promulgation and effect; for an amendment bill, 修正 (with the generated 修改决定) or
/// 修订. Whatever was typed comes back after a refusal.
export function PublishForm({ billId, d }: { billId: string; d: PublishDefaults }) {
  const t = useT();
  const [state, action, pending] = useActionState<FormState, FormData>(publishBillAction, {});
  const value = (name: string, fallback: string) => (state.error ? (state.values?.[name] ?? fallback) : fallback);
  const box = (name: string, label: string, fallback: string, type: 'text' | 'date' = 'text', hint?: string) => (
    <label className="field">
      <span>{label}</span>
      <input name={name} type={type} defaultValue={value(name, fallback)} key={`${name}${state.error ?? ''}`} aria-invalid={state.field === name || undefined} />
      {hint && <small className="aside">{hint}</small>}
    </label>
  );
  return (
    <form action={action} className="form" data-testid="publish-form">
      <input type="hidden" name="billId" value={billId} />
      <div className="form--inline">
        {box('announcementNumber', t('publication.number'), String(d.nextNumber))}
        {box('enactingBody', t('publication.body'), d.enactingBody)}
      </div>
      {box('adoptingMeeting', t('publication.meeting'), '', 'text', t('publication.meetingHint'))}
      <div className="form--inline">
        {box('adoptedOn', t('publication.adoptedOn'), d.adoptedOn, 'date')}
        {d.needsApproval && box('approvedOn', t('publication.approvedOn'), d.approvedOn ?? '', 'date')}
        {box('promulgatedOn', t('publication.promulgatedOn'), d.today, 'date')}
        {box('effectiveOn', t('publication.effectiveOn'), d.effectiveOn, 'date')}
      </div>
      {d.needsApproval && box('approvingBody', t('publication.approvingBody'), '', 'text', t('publication.approvingBodyHint'))}
      {d.amendment && (
        <fieldset className="field">
          <legend>{t('publication.change')}</legend>
          <label>
            <input type="radio" name="change" value="amendment" defaultChecked /> {t('publication.amendment')}
          </label>{' '}
          <label>
            <input type="radio" name="change" value="revision" /> {t('publication.revision')}
          </label>
        </fieldset>
      )}
      <FormMessage state={state} />
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? t('publication.publishing') : t('publication.publish')}
      </button>
    </form>
  );
}

/// "备案": the day filed and the bodies filed with (one per line).
export function FilingForm({ billId, today }: { billId: string; today: string }) {
  const t = useT();
  const [state, action, pending] = useActionState<FormState, FormData>(recordFilingAction, {});
  return (
    <form action={action} className="form" data-testid="filing-form">
      <input type="hidden" name="billId" value={billId} />
      <label className="field">
        <span>{t('publication.filedOn')}</span>
        <input name="filedOn" type="date" defaultValue={state.error ? state.values?.filedOn : today} key={`f${state.error ?? ''}`} />
      </label>
      <label className="field">
        <span>{t('publication.bodies')}</span>
        <textarea name="bodies" rows={3} defaultValue={state.error ? state.values?.bodies : ''} key={`b${state.error ?? ''}`} placeholder={t('publication.bodiesHint')} />
      </label>
      <FormMessage state={state} />
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? t('publication.filing') : t('publication.file')}
      </button>
    </form>
  );
}
