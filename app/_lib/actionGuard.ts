import 'server-only';
import { headers } from 'next/headers';
import { isSameOriginRequest } from '@/lib/auth';
import { AppError, isAppError } from '@/lib/errors';
import { describeError, errorMessage, type Locale } from '@/lib/i18n';
import type { FormState } from './formState';

/// Refuses a server action posted from another site (Next checks too; this is our own rule).
export async function assertSameOrigin(): Promise<void> {
  if (!isSameOriginRequest(await headers())) throw new AppError('cross_origin', 'cross_origin');
}

/// True when the current request arrived over HTTPS, so cookies must be Secure.
export async function requestIsHttps(): Promise<boolean> {
  return (await headers()).get('x-forwarded-proto') === 'https';
}

/// Turns a failure into a form message in the user's language; unexpected failures are logged.
export function formError(e: unknown, locale: Locale, values?: Record<string, string>): FormState {
  if (!isAppError(e)) {
    console.error('[action] unexpected error', e);
    return { error: errorMessage(locale, 'internal'), values };
  }
  const fields = (e.details as { fields?: { path: string }[] } | undefined)?.fields;
  return { error: describeError(locale, e), field: fields?.[0]?.path, values };
}
