'use client';

import { createContext, useContext, type ReactNode } from 'react';
import { translator, type Locale, type MessageKey } from '@/lib/i18n';

const LocaleContext = createContext<Locale>('zh-CN');

/// Makes the request's language available to client components.
export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

/// The translator of the current language, for client components.
export function useT(): (key: MessageKey, vars?: Record<string, string | number>) => string {
  return translator(useContext(LocaleContext));
}
