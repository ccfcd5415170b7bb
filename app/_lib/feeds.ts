import type { MessageKey } from '@/lib/i18n';

/// A feed the site publishes: its address, its name and what it carries, and the web page that
/// shows the same content.
export type SiteFeed = { path: string; name: MessageKey; about: MessageKey; page: string };

/// Every Atom feed of the site, in the order the feeds page lists them.
export const siteFeeds: readonly SiteFeed[] = [
  { path: '/feeds/consultations.atom', name: 'feeds.consultations', about: 'feeds.consultationsAbout', page: '/consultations' },
  { path: '/feeds/regulations.atom', name: 'feeds.regulations', about: 'feeds.regulationsAbout', page: '/regulations' },
  { path: '/feeds/library/new.atom', name: 'feeds.new', about: 'feeds.newAbout', page: '/regulations?sort=adopted' },
  { path: '/feeds/library/amended.atom', name: 'feeds.amended', about: 'feeds.amendedAbout', page: '/regulations?sort=effective' },
  { path: '/feeds/library/repealed.atom', name: 'feeds.repealed', about: 'feeds.repealedAbout', page: '/regulations?status=repealed' },
  { path: '/feeds/library/log.atom', name: 'feeds.log', about: 'feeds.logAbout', page: '/regulations' },
  { path: '/feeds/content.atom', name: 'feeds.content', about: 'feeds.contentAbout', page: '/explainers' },
];
