import type { Metadata } from 'next';
import type { MessageKey } from '@/lib/i18n';
import { pageTranslator } from './session';

/// A page's `generateMetadata` that titles it from the catalogue in the reader's language, and
/// names the Atom feed with the same content (`feed`, a path) for readers that discover feeds.
export function titledPage(key: MessageKey, feed?: string): () => Promise<Metadata> {
  return async () => {
    const { t } = await pageTranslator();
    return { title: t(key), ...(feed ? feedAlternate(feed) : {}) };
  };
}

/// The `<link rel="alternate" type="application/atom+xml">` of a page whose content has a feed.
export function feedAlternate(feed: string): Metadata {
  return { alternates: { types: { 'application/atom+xml': feed } } };
}
