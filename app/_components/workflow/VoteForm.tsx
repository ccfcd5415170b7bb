'use client';

import { useActionState } from 'react';
import { recordVoteAction } from '@/app/_actions/workflow';
import type { FormState } from '@/app/_lib/formState';
import { FormMessage } from '../FormMessage';
import { useT } from '../I18nProvider';

/// "记录表决结果": the tally; the text passes with more than half of all members of the body.
export function VoteForm({ billId }: { billId: string }) {
  const t = useT();
  const [state, action, pending] = useActionState<FormState, FormData>(recordVoteAction, {});
  const box = (name: string, label: string) => (
    <label className="field field--number">
      <span>{label}</span>
      <input name={name} inputMode="numeric" pattern="[0-9]*" maxLength={6} defaultValue={state.error ? state.values?.[name] : ''} key={`${name}${state.notice ?? ''}`} />
    </label>
  );
  return (
    <form action={action} className="form" data-testid="vote-form">
      <input type="hidden" name="billId" value={billId} />
      <div className="form--inline">
        {box('for', t('workflow.voteFor'))}
        {box('against', t('workflow.voteAgainst'))}
        {box('abstain', t('workflow.voteAbstain'))}
        {box('present', t('workflow.votePresent'))}
        {box('composition', t('workflow.voteComposition'))}
      </div>
      <FormMessage state={state} />
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? '…' : t('workflow.voteSubmit')}
      </button>
    </form>
  );
}
