import 'server-only';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { isSameOriginRequest } from '@/lib/auth';
import { AppError, isAppError } from '@/lib/errors';
import { describeError, errorMessage, type Locale } from '@/lib/i18n';
import { appErrorOf } from '@/lib/api';
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
export function formError(failure: unknown, locale: Locale, values?: Record<string, string>): FormState {
  const e = appErrorOf(failure);
  if (!isAppError(failure)) console.error('[action] unexpected error', failure);
  if (e.code === 'internal' || e.code === 'database_unavailable') return { error: errorMessage(locale, e.code), values };
  const fields = (e.details as { fields?: { path: string }[] } | undefined)?.fields;
  return { error: describeError(locale, e), field: fields?.[0]?.path, values };
}

/// Runs the work of a form action that has no message area: a target that does not exist, or
/// that the person may not touch (another bill's comment, a forged id), answers with the
/// not-found page instead of an error.
export async function orNotFoundAction(work: () => unknown | Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (e) {
    if (isAppError(e) && (e.code === 'not_found' || e.code === 'forbidden' || e.code === 'validation_failed')) notFound();
    throw e;
  }
}
