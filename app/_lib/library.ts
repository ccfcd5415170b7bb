import 'server-only';
import { notFound } from 'next/navigation';
import { isAppError } from '@/lib/errors';
import type { VersionSummary } from '@/lib/library';
import { chineseDate, isIsoDate } from '@/lib/shared';
export { regulationPath } from '@/lib/library';
import { vocabularyLabel, type Locale, type MessageKey, type Translate } from '@/lib/i18n';

/// Runs a library lookup and turns "no such regulation / article" into the 404 page.
export async function orNotFound<T>(fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isAppError(e) && e.code === 'not_found') notFound();
    throw e;
  }
}

/// The `at` query parameter when it is a real date; otherwise undefined plus a flag to say so.
export function readAtParam(value: string | string[] | undefined): { at?: string; invalid: boolean } {
  if (typeof value !== 'string' || value === '') return { invalid: false };
  return isIsoDate(value) ? { at: value, invalid: false } : { invalid: true };
}

/// How a version changed the text, as a catalogue key.
export function changeKey(change: VersionSummary['change']): MessageKey {
  return vocabularyLabel('versionChange', change);
}

/// A date for display in the interface language.
export function displayDate(iso: string | null, locale: string): string {
  if (!iso) return '—';
  return locale === 'en' ? iso : chineseDate(iso);
}

/// A moment as staff read it: date and time in China, e.g. 2026/11/27 14:05.
export function displayDateTime(at: Date): string {
  return at.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
}

/// How the library names a published version wherever it lists them (the timeline, 本条沿革, the
/// version comparison): its effective date and what it did, e.g. 2023年11月24日 · 修正.
export function versionLabel(version: Pick<VersionSummary, 'effectiveOn' | 'change'>, t: Translate, locale: Locale): string {
  return `${displayDate(version.effectiveOn, locale)} · ${t(changeKey(version.change))}`;
}
