import type { Metadata } from 'next';
import type { MessageKey } from '@/lib/i18n';
import { pageTranslator } from './session';

/// A page's `generateMetadata` that titles it from the catalogue in the reader's language.
export function titledPage(key: MessageKey): () => Promise<Metadata> {
  return async () => {
    const { t } = await pageTranslator();
    return { title: t(key) };
  };
}
