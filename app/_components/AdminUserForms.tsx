'use client';

import { useActionState } from 'react';
import { createStaffAction, updateUserAction } from '@/app/_actions/admin';
import type { FormState } from '@/app/_lib/formState';
import type { Role } from '@/lib/auth';
import { FormMessage } from './FormMessage';
import { useT } from './I18nProvider';
import { staffRoles, userRoles } from '@/lib/shared/vocabulary';


/// Admin form that opens a staff account.
export function CreateStaffForm() {
  const t = useT();
  const [state, action, pending] = useActionState<FormState, FormData>(createStaffAction, {});
  // After a success the form is cleared by remounting it with a new key.
  return (
    <form action={action} className="form form--inline" key={state.notice ?? 'form'} noValidate>
      <label className="field">
        <span>{t('admin.colName')}</span>
        <input name="name" required maxLength={60} defaultValue={state.values?.name} />
      </label>
      <label className="field">
        <span>{t('admin.colEmail')}</span>
        <input name="email" type="email" required defaultValue={state.values?.email} />
      </label>
      <label className="field">
        <span>{t('admin.colRole')}</span>
        <select name="role" defaultValue={state.values?.role ?? 'drafter'}>
          {staffRoles.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('admin.initialPassword')}</span>
        <input name="password" type="password" autoComplete="new-password" required minLength={8} />
      </label>
      <button type="submit" className="button button--primary" disabled={pending} aria-busy={pending}>
        {t('admin.createSubmit')}
      </button>
      <FormMessage state={state} />
    </form>
  );
}

/// Per-account controls: change role, disable or enable; the row shows the latest outcome.
export function UserRowActions({ userId, role, disabled, isSelf, email }: { userId: string; role: Role; disabled: boolean; isSelf: boolean; email: string }) {
  const t = useT();
  const [state, action, pending] = useActionState<FormState, FormData>(updateUserAction, {});
  return (
    <div className="row-actions">
      <form action={action} className="inline-form">
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="intent" value="role" />
        <select name="role" defaultValue={role} aria-label={`${t('admin.changeRole')}: ${email}`}>
          {userRoles.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--quiet" disabled={pending}>
          {t('admin.changeRole')}
        </button>
      </form>
      {!isSelf && (
        <form action={action} className="inline-form">
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="intent" value={disabled ? 'enable' : 'disable'} />
          <button type="submit" className={disabled ? 'button button--quiet' : 'button button--danger'} disabled={pending} aria-label={`${disabled ? t('admin.enable') : t('admin.disable')}: ${email}`}>
            {disabled ? t('admin.enable') : t('admin.disable')}
          </button>
        </form>
      )}
      <FormMessage state={state} />
    </div>
  );
}
