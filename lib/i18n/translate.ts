import { en } from './en';
import { zhCN, type MessageKey } from './zh-CN';
import { selectPluralForm, type Message } from './selectPluralForm';

export type { MessageKey };
export type { Message, PluralMessage } from './selectPluralForm';
/// The languages of the interface; Chinese first.
export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];
/// Name of the cookie that remembers the chosen language.
export const localeCookieName = 'lawbench_locale';

const catalogues: Record<Locale, Record<MessageKey, Message>> = { 'zh-CN': zhCN, en };

/// True when `key` names a message of the catalogue.
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(zhCN, key);
}

/// The message for `key` in `locale`, with `{name}` placeholders filled from `vars`. When the
/// entry has plural forms, the number in `vars` picks one (see selectPluralForm: the var named
/// by the entry's `$count`, else `n`, else `count`): `translate('en', 'consult.commentCount',
/// { n: 1 })` is "1 comment", with `{ n: 2 }` "2 comments".
export function translate(locale: Locale, key: MessageKey, vars: Record<string, string | number> = {}): string {
  const template = selectPluralForm(locale, catalogues[locale][key] ?? zhCN[key], vars);
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/// A translator bound to one locale, as pages use it: `t('nav.home')`.
export function translator(locale: Locale) {
  return (key: MessageKey, vars?: Record<string, string | number>) => translate(locale, key, vars);
}

/// A translate function bound to one language, as `translator` makes it.
export type Translate = ReturnType<typeof translator>;

/// The language to use: the remembered choice, else English only if the browser prefers it.
export function resolveLocale(cookieValue: string | undefined | null, acceptLanguage?: string | null): Locale {
  if (cookieValue === 'en' || cookieValue === 'zh-CN') return cookieValue;
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

/// The user-facing text of an error code or a catalogue key carried in an error message.
export function errorMessage(locale: Locale, codeOrKey: string, vars: Record<string, string | number> = {}): string {
  const key = `err.${codeOrKey}`;
  return isMessageKey(key) ? translate(locale, key, vars) : translate(locale, 'err.internal');
}
