'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { changePassword, completeRegistration, invalidateSession, isWorkspaceRole, requestPasswordReset, requestRegistration, resetPassword, sessionCookieName, sessionCookieOptions, signIn, createSession } from '@/lib/auth';
import { translate } from '@/lib/i18n';
import { localeCookieName } from '@/lib/i18n';
import { clientAddress, getEngine } from '@/lib/api';
import { assertSameOrigin, formError, requestIsHttps } from '@/app/_lib/actionGuard';
import { safeReturnPath } from '@/lib/shared';
import type { FormState } from '@/app/_lib/formState';
import { currentLocale, currentUser } from '@/app/_lib/session';
import { linkOrigin } from '@/app/_lib/linkOrigin';
import { headers } from 'next/headers';

async function setSessionCookie(token: string, expiresAt: Date) {
  (await cookies()).set(sessionCookieName, token, sessionCookieOptions(await requestIsHttps(), expiresAt));
}

/// Sign-in form: on success sets the session cookie and goes on to where the user was heading.
export async function signInAction(_prev: FormState, form: FormData): Promise<FormState> {
  const locale = await currentLocale();
  const email = String(form.get('email') ?? '');
  let destination: string;
  try {
    await assertSameOrigin();
    const { user, token, expiresAt } = await signIn(getEngine(), { email, password: String(form.get('password') ?? ''), ip: clientAddress(await headers()) });
    await setSessionCookie(token, expiresAt);
    destination = safeReturnPath(form.get('next'), isWorkspaceRole(user.role) ? '/workspace' : '/');
  } catch (e) {
    return formError(e, locale, { email });
  }
  redirect(destination);
}

/// Registration form for the public, step one: e-mails a link that finishes it. The answer is
/// the same whether or not the address is registered already.
export async function registerAction(_prev: FormState, form: FormData): Promise<FormState> {
  const locale = await currentLocale();
  const values = { email: String(form.get('email') ?? ''), name: String(form.get('name') ?? '') };
  try {
    await assertSameOrigin();
    const input = { ...values, password: String(form.get('password') ?? ''), consent: form.get('consent') === 'yes' };
    await requestRegistration(getEngine(), input, { ip: clientAddress(await headers()), origin: await linkOrigin(), locale });
    return { notice: translate(locale, 'register.sent', { email: values.email.trim() }), values: { sent: 'yes' } };
  } catch (e) {
    return formError(e, locale, values);
  }
}

/// Registration, step two (the button on the e-mailed link's page): creates the account and
/// signs it in.
export async function confirmRegistrationAction(_prev: FormState, form: FormData): Promise<FormState> {
  const locale = await currentLocale();
  try {
    await assertSameOrigin();
    const user = await completeRegistration(getEngine(), String(form.get('token') ?? ''));
    const { token, expiresAt } = await createSession(getEngine(), user.id);
    await setSessionCookie(token, expiresAt);
  } catch (e) {
    return formError(e, locale);
  }
  redirect('/account');
}

/// "Forgot my password": e-mails a reset link when the address has an account; the same answer
/// either way.
export async function forgotPasswordAction(_prev: FormState, form: FormData): Promise<FormState> {
  const locale = await currentLocale();
  const values = { email: String(form.get('email') ?? '') };
  try {
    await assertSameOrigin();
    await requestPasswordReset(getEngine(), values, { ip: clientAddress(await headers()), origin: await linkOrigin(), locale });
    return { notice: translate(locale, 'password.forgotSent', { email: values.email.trim() }), values };
  } catch (e) {
    return formError(e, locale, values);
  }
}

/// Sets a new password from a reset link and signs in afresh (every other session has ended).
export async function resetPasswordAction(_prev: FormState, form: FormData): Promise<FormState> {
  const locale = await currentLocale();
  try {
    await assertSameOrigin();
    const user = await resetPassword(getEngine(), String(form.get('token') ?? ''), String(form.get('password') ?? ''));
    const { token, expiresAt } = await createSession(getEngine(), user.id);
    await setSessionCookie(token, expiresAt);
  } catch (e) {
    return formError(e, locale);
  }
  redirect('/account');
}

/// A signed-in person changes their password; all their sessions end and this browser gets a new one.
export async function changePasswordAction(_prev: FormState, form: FormData): Promise<FormState> {
  const locale = await currentLocale();
  try {
    await assertSameOrigin();
    const user = await currentUser();
    if (!user) return { error: translate(locale, 'err.unauthenticated') };
    await changePassword(getEngine(), user, { current: String(form.get('current') ?? ''), password: String(form.get('password') ?? '') }, { ip: clientAddress(await headers()) });
    const { token, expiresAt } = await createSession(getEngine(), user.id);
    await setSessionCookie(token, expiresAt);
    return { notice: translate(locale, 'account.passwordChanged') };
  } catch (e) {
    return formError(e, locale);
  }
}

/// Signs out: ends the session on the server and clears the cookie.
export async function signOutAction(): Promise<void> {
  await assertSameOrigin();
  const jar = await cookies();
  await invalidateSession(getEngine(), jar.get(sessionCookieName)?.value);
  jar.set(sessionCookieName, '', sessionCookieOptions(await requestIsHttps()));
  redirect('/');
}

/// Remembers the chosen interface language and returns to the same page.
export async function setLocaleAction(form: FormData): Promise<void> {
  await assertSameOrigin();
  const locale = form.get('locale') === 'en' ? 'en' : 'zh-CN';
  (await cookies()).set(localeCookieName, locale, { path: '/', sameSite: 'lax', maxAge: 365 * 24 * 3600, secure: await requestIsHttps() });
  redirect(safeReturnPath(form.get('returnTo'), '/'));
}
