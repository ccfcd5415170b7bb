import 'server-only';
import { cookies, headers } from 'next/headers';
import { redirect, forbidden } from 'next/navigation';
import { can, sessionCookieName, validateSessionToken, type Action, type CurrentUser } from '@/lib/auth';
import { translator, type Locale } from '@/lib/i18n';
import { getEngine, requestLocale } from '@/lib/api';

/// The signed-in user of the current request, or null.
export async function currentUser(): Promise<CurrentUser | null> {
  const token = (await cookies()).get(sessionCookieName)?.value;
  return (await validateSessionToken(getEngine(), token))?.user ?? null;
}

/// The interface language of the current request.
export async function currentLocale(): Promise<Locale> {
  return requestLocale(await headers());
}

/// The translator for the current request.
export async function pageTranslator() {
  const locale = await currentLocale();
  return { locale, t: translator(locale) };
}

/// For pages behind a permission: sends a signed-out visitor to sign in (and back), and answers
/// a signed-in user without the permission with the 403 page.
export async function requirePermission(action: Action, returnTo: string): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(returnTo)}`);
  if (!can(user, action)) forbidden();
  return user;
}
