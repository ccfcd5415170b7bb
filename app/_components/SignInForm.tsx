'use client';

import { useActionState } from 'react';
import { signInAction } from '@/app/_actions/auth';
import type { FormState } from '@/app/_lib/formState';
import { FormMessage } from './FormMessage';
import { useT } from './I18nProvider';

/// E-mail and password; shows the server's answer without losing what was typed.
export function SignInForm({ next }: { next?: string }) {
  const t = useT();
  const [state, action, pending] = useActionState<FormState, FormData>(signInAction, {});
  return (
    <form action={action} className="form" noValidate>
      <input type="hidden" name="next" value={next ?? ''} />
      <label className="field">
        <span>{t('signIn.email')}</span>
        <input name="email" type="email" autoComplete="username" required defaultValue={state.values?.email} aria-invalid={!!state.error} />
      </label>
      <label className="field">
        <span>{t('signIn.password')}</span>
        <input name="password" type="password" autoComplete="current-password" required aria-invalid={!!state.error} />
      </label>
      <FormMessage state={state} />
      <button type="submit" className="button button--primary button--block" disabled={pending} aria-busy={pending}>
        {t('signIn.submit')}
      </button>
    </form>
  );
}
