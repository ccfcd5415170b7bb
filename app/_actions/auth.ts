'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { invalidateSession, isWorkspaceRole, registerUser, sessionCookieName, sessionCookieOptions, signIn, createSession } from '@/lib/auth';
import { localeCookieName } from '@/lib/i18n';
import { clientAddress } from '@/lib/api';
import { assertSameOrigin, formError, requestIsHttps } from '@/app/_lib/actionGuard';
import { safeReturnPath } from '@/lib/shared';
import type { FormState } from '@/app/_lib/formState';
import { currentLocale } from '@/app/_lib/session';
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
    const { user, token, expiresAt } = await signIn({ email, password: String(form.get('password') ?? ''), ip: clientAddress(await headers()) });
    await setSessionCookie(token, expiresAt);
    destination = safeReturnPath(form.get('next'), isWorkspaceRole(user.role) ? '/workspace' : '/');
  } catch (e) {
    return formError(e, locale, { email });
  }
  redirect(destination);
}

/// Registration form for the public: creates the account and signs it in.
export async function registerAction(_prev: FormState, form: FormData): Promise<FormState> {
  const locale = await currentLocale();
  const values = { email: String(form.get('email') ?? ''), name: String(form.get('name') ?? '') };
  let destination: string;
  try {
    await assertSameOrigin();
    const user = await registerUser({ ...values, password: String(form.get('password') ?? '') }, undefined, { ip: clientAddress(await headers()) });
    const { token, expiresAt } = createSession(user.id);
    await setSessionCookie(token, expiresAt);
    destination = safeReturnPath(form.get('next'), '/');
  } catch (e) {
    return formError(e, locale, values);
  }
  redirect(destination);
}

/// Signs out: ends the session on the server and clears the cookie.
export async function signOutAction(): Promise<void> {
  await assertSameOrigin();
  const jar = await cookies();
  invalidateSession(jar.get(sessionCookieName)?.value);
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
