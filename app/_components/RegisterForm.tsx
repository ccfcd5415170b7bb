'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { registerAction } from '@/app/_actions/auth';
import type { FormState } from '@/app/_lib/formState';
import { FormMessage } from './FormMessage';
import { useT } from './I18nProvider';

/// Self-registration for the public: name, e-mail, password and consent to the privacy notice.
/// Once sent, the form gives way to what to do next (open the e-mailed link).
export function RegisterForm({ next, mailServer }: { next?: string; mailServer: boolean }) {
  const t = useT();
  const [state, action, pending] = useActionState<FormState, FormData>(registerAction, {});
  const invalid = (f: string) => state.field === f || undefined;
  if (state.values?.sent === 'yes')
    return (
      <div className="form">
        <FormMessage state={state} />
        {!mailServer && <p className="aside">{t('register.noMailServer')}</p>}
      </div>
    );
  return (
    <form action={action} className="form" noValidate>
      <input type="hidden" name="next" value={next ?? ''} />
      <label className="field">
        <span>{t('register.name')}</span>
        <input name="name" autoComplete="nickname" required maxLength={60} defaultValue={state.values?.name} aria-invalid={invalid('name')} />
      </label>
      <label className="field">
        <span>{t('signIn.email')}</span>
        <input name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} aria-invalid={invalid('email')} />
      </label>
      <label className="field">
        <span>{t('signIn.password')}</span>
        <input name="password" type="password" autoComplete="new-password" required minLength={8} aria-describedby="pw-hint" aria-invalid={invalid('password')} />
        <small id="pw-hint">{t('register.passwordHint')}</small>
      </label>
      <label className="field field--check">
        <input name="consent" type="checkbox" value="yes" required aria-invalid={invalid('consent')} />
        <span>
          {t('register.consent')} <Link href="/privacy" target="_blank">{t('register.privacyLink')}</Link>
        </span>
      </label>
      <FormMessage state={state} />
      <button type="submit" className="button button--primary button--block" disabled={pending} aria-busy={pending}>
        {t('register.submit')}
      </button>
    </form>
  );
}
