'use client';

import { useActionState, useState } from 'react';
import { addDays, inclusiveDays } from '@/lib/shared/dates';
import { openConsultationAction } from '@/app/_actions/consultation';
import type { FormState } from '@/app/_lib/formState';
import { FormMessage } from '../FormMessage';
import { useT } from '../I18nProvider';

/// "开始征求意见": which text (a saved version, or the draft frozen now as 征求意见稿), the dates
/// (30 days by default; a shorter period needs a reason), the description, the 起草说明, the
/// questions, and pre- or post-moderation.
export function OpenConsultationForm({ billId, draftId, versions, today }: { billId: string; draftId: string; versions: { id: string; label: string }[]; today: string }) {
  const t = useT();
  const [state, action, pending] = useActionState<FormState, FormData>(openConsultationAction, {});
  const v = state.values ?? {};
  const [opensOn, setOpensOn] = useState(v.opensOn || today);
  const [closesOn, setClosesOn] = useState(v.closesOn || addDays(today, 29));
  const days = inclusiveDays(opensOn, closesOn);
  return (
    <form action={action} className="form open-consultation">
      <input type="hidden" name="billId" value={billId} />
      <input type="hidden" name="draftId" value={draftId} />
      <label className="field">
        <span>{t('open.version')}</span>
        <select name="versionId" defaultValue={v.versionId ?? ''}>
          <option value="">{t('open.freezeNow')}</option>
          {versions.map((x) => (
            <option key={x.id} value={x.id}>
              {x.label}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('open.title')}</span>
        <input name="title" maxLength={120} defaultValue={v.title} placeholder={t('open.titlePlaceholder')} />
      </label>
      <div className="form--inline form">
        <label className="field">
          <span>{t('open.opensOn')}</span>
          <input type="date" name="opensOn" required min={today} value={opensOn} onChange={(e) => setOpensOn(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('open.closesOn')}</span>
          <input type="date" name="closesOn" required min={opensOn} value={closesOn} onChange={(e) => setClosesOn(e.target.value)} />
        </label>
      </div>
      <p className="aside" data-testid="period-days">
        {Number.isFinite(days) && days > 0 ? t('open.days', { n: days }) : ''}
      </p>
      {Number.isFinite(days) && days < 30 && (
        <label className="field">
          <span>{t('open.shortReason')}</span>
          <textarea name="shortReason" rows={2} required minLength={5} maxLength={500} defaultValue={v.shortReason} />
        </label>
      )}
      <label className="field">
        <span>{t('open.description')}</span>
        <textarea name="description" rows={3} required maxLength={2000} defaultValue={v.description} />
      </label>
      <label className="field">
        <span>{t('open.explanation')}</span>
        <textarea name="explanation" rows={8} required maxLength={20000} defaultValue={v.explanation} />
      </label>
      <label className="field">
        <span>{t('open.questions')}</span>
        <textarea name="questions" rows={3} defaultValue={v.questions} aria-describedby="questions-hint" />
        <small id="questions-hint">{t('open.questionsHint')}</small>
      </label>
      <fieldset className="choice">
        <legend>{t('open.moderation')}</legend>
        <label>
          <input type="radio" name="moderation" value="pre" defaultChecked={v.moderation !== 'post'} /> {t('open.moderation.pre')}
        </label>
        <label>
          <input type="radio" name="moderation" value="post" defaultChecked={v.moderation === 'post'} /> {t('open.moderation.post')}
        </label>
      </fieldset>
      <FormMessage state={state} />
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? '…' : t('open.submit')}
      </button>
    </form>
  );
}
