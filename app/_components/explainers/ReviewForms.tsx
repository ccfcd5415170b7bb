'use client';

import { useActionState } from 'react';
import { reviewExplainerAction, unpublishExplainerAction } from '@/app/_actions/explainers';
import type { FormState } from '@/app/_lib/formState';
import { FormMessage } from '../FormMessage';
import { useT } from '../I18nProvider';

/// A reviewer's decision on content under review: approve, or send back with a note.
export function ReviewExplainerForm({ id }: { id: string }) {
  const t = useT();
  const [state, action, pending] = useActionState<FormState, FormData>(reviewExplainerAction, {});
  return (
    <form action={action} className="form" data-testid="review-form">
      <input type="hidden" name="id" value={id} />
      <label className="field">
        <span>{t('explainer.reviewNote')}</span>
        <textarea name="note" rows={3} defaultValue={state.error ? state.values?.note : ''} />
      </label>
      <FormMessage state={state} />
      <div className="form--inline">
        <button type="submit" name="decision" value="approve" className="button button--primary" disabled={pending}>
          {t('explainer.approve')}
        </button>
        <button type="submit" name="decision" value="return" className="button" disabled={pending}>
          {t('explainer.return')}
        </button>
      </div>
    </form>
  );
}

/// A reviewer takes approved content down, saying why.
export function UnpublishExplainerForm({ id }: { id: string }) {
  const t = useT();
  const [state, action, pending] = useActionState<FormState, FormData>(unpublishExplainerAction, {});
  return (
    <form action={action} className="form" data-testid="unpublish-form">
      <input type="hidden" name="id" value={id} />
      <label className="field">
        <span>{t('explainer.unpublishReason')}</span>
        <input name="note" defaultValue={state.error ? state.values?.note : ''} />
      </label>
      <FormMessage state={state} />
      <button type="submit" className="button" disabled={pending}>
        {t('explainer.unpublish')}
      </button>
    </form>
  );
}
