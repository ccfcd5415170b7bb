'use client';

import { useActionState } from 'react';
import { changePasswordAction, confirmRegistrationAction, forgotPasswordAction, resetPasswordAction } from '@/app/_actions/auth';
import type { FormState } from '@/app/_lib/formState';
import { FormMessage } from './FormMessage';
import { useT } from './I18nProvider';

/// The button on an e-mailed registration link's page (a button, so that a mail scanner opening
/// the link does not use it up).
export function ConfirmRegistrationForm({ token }: { token: string }) {
  const t = useT();
  const [state, action, pending] = useActionState<FormState, FormData>(confirmRegistrationAction, {});
  return (
    <form action={action} className="form">
      <input type="hidden" name="token" value={token} />
      <FormMessage state={state} />
      <button type="submit" className="button button--primary button--block" disabled={pending} aria-busy={pending}>
        {t('register.confirmSubmit')}
      </button>
    </form>
  );
}

/// "Forgot my password": the e-mail to send a reset link to.
export function ForgotPasswordForm() {
  const t = useT();
  const [state, action, pending] = useActionState<FormState, FormData>(forgotPasswordAction, {});
  return (
    <form action={action} className="form" noValidate>
      <label className="field">
        <span>{t('signIn.email')}</span>
        <input name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} aria-invalid={!!state.error || undefined} />
      </label>
      <FormMessage state={state} />
      <button type="submit" className="button button--primary button--block" disabled={pending} aria-busy={pending}>
        {t('password.forgotSubmit')}
      </button>
    </form>
  );
}

/// The new password, on a reset link's page.
export function ResetPasswordForm({ token }: { token: string }) {
  const t = useT();
  const [state, action, pending] = useActionState<FormState, FormData>(resetPasswordAction, {});
  return (
    <form action={action} className="form" noValidate>
      <input type="hidden" name="token" value={token} />
      <label className="field">
        <span>{t('password.new')}</span>
        <input name="password" type="password" autoComplete="new-password" required minLength={8} aria-describedby="pw-hint" aria-invalid={!!state.error || undefined} />
        <small id="pw-hint">{t('register.passwordHint')}</small>
      </label>
      <FormMessage state={state} />
      <button type="submit" className="button button--primary button--block" disabled={pending} aria-busy={pending}>
        {t('password.resetSubmit')}
      </button>
    </form>
  );
}

/// Changing one's password on the account page.
export function ChangePasswordForm() {
  const t = useT();
  const [state, action, pending] = useActionState<FormState, FormData>(changePasswordAction, {});
  return (
    <form action={action} className="form" noValidate>
      <label className="field">
        <span>{t('account.currentPassword')}</span>
        <input name="current" type="password" autoComplete="current-password" required aria-invalid={state.field === 'current' || undefined} />
      </label>
      <label className="field">
        <span>{t('password.new')}</span>
        <input name="password" type="password" autoComplete="new-password" required minLength={8} aria-describedby="new-pw-hint" aria-invalid={(state.error && state.field !== 'current') || undefined} />
        <small id="new-pw-hint">{t('register.passwordHint')}</small>
      </label>
      <FormMessage state={state} />
      <button type="submit" className="button" disabled={pending} aria-busy={pending}>
        {t('account.passwordSubmit')}
      </button>
    </form>
  );
}
