'use client';

import { useActionState } from 'react';
import { collectArticleAction, proposeQaAction, saveDeskRecordAction } from '@/app/_actions/desk';
import type { FormState } from '@/app/_lib/formState';
import { FormMessage } from '../FormMessage';
import { useT } from '../I18nProvider';

/// A record's question, facts (without names), answer and referral; a new one when `record` has no id.
export function DeskRecordForm({ record, referrals }: { record: { id?: string; question: string; facts: string; answer: string; referral: string }; referrals: { value: string; label: string }[] }) {
  const t = useT();
  const [state, action, pending] = useActionState<FormState, FormData>(saveDeskRecordAction, {});
  const value = (name: 'question' | 'facts' | 'answer' | 'referral') => (state.error ? (state.values?.[name] ?? record[name]) : record[name]);
  return (
    <form action={action} className="form" data-testid="desk-record-form">
      {record.id && <input type="hidden" name="id" value={record.id} />}
      <label className="field">
        <span>{t('desk.question')}</span>
        <textarea name="question" rows={3} defaultValue={value('question')} key={`q${state.error ?? ''}`} required aria-invalid={state.field === 'question' || undefined} />
      </label>
      <label className="field">
        <span>{t('desk.facts')}</span>
        <textarea name="facts" rows={4} defaultValue={value('facts')} key={`f${state.error ?? ''}`} />
        <small className="aside">{t('desk.factsHint')}</small>
      </label>
      <label className="field">
        <span>{t('desk.answer')}</span>
        <textarea name="answer" rows={6} defaultValue={value('answer')} key={`a${state.error ?? ''}`} />
      </label>
      <label className="field">
        <span>{t('desk.referral')}</span>
        <select name="referral" defaultValue={value('referral')} key={`r${state.error ?? ''}`}>
          <option value="">{t('desk.noReferral')}</option>
          {referrals.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </select>
      </label>
      <FormMessage state={state} />
      <button type="submit" className="button button--primary" disabled={pending}>
        {record.id ? t('desk.save') : t('desk.open')}
      </button>
    </form>
  );
}

/// "加入咨询登记": one click on an article page collects it into the current record.
export function CollectArticleButton({ regulation, article, at }: { regulation: string; article: string; at: string }) {
  const t = useT();
  const [state, action, pending] = useActionState<FormState, FormData>(collectArticleAction, {});
  return (
    <form action={action} className="collect-form" data-testid="collect-form">
      <input type="hidden" name="regulation" value={regulation} />
      <input type="hidden" name="article" value={article} />
      <input type="hidden" name="at" value={at} />
      <button type="submit" className="button" disabled={pending}>
        {t('desk.collect')}
      </button>
      <FormMessage state={state} />
    </form>
  );
}

/// Sends the record, as an anonymised 问答, to review.
export function ProposeQaForm({ id }: { id: string }) {
  const t = useT();
  const [state, action, pending] = useActionState<FormState, FormData>(proposeQaAction, {});
  return (
    <form action={action} className="form" data-testid="propose-form">
      <input type="hidden" name="id" value={id} />
      <FormMessage state={state} />
      <button type="submit" className="button" disabled={pending}>
        {t('desk.propose')}
      </button>
    </form>
  );
}
