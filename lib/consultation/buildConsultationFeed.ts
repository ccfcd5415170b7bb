import { buildAtomFeed, chineseDate } from '@/lib/shared';
import type { ConsultationSummary } from './types';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/// A permanent entry id: `urn:uuid:` for the UUIDs the app gives consultations, else a tag URI
/// on the site's host.
function entryId(id: string, baseUrl: string): string {
  if (uuid.test(id)) return `urn:uuid:${id.toLowerCase()}`;
  return `tag:${new URL(baseUrl).hostname},2025:consultation:${encodeURIComponent(id)}`;
}

/// The Atom feed of consultations open for comment (items in any other state are left out), as
/// XML text: each entry links to its page and says when comments may be sent and what the
/// draft is about. `updated` is the feed's own time stamp.
export function buildConsultationFeed(items: ConsultationSummary[], opts: { baseUrl: string; updated: Date; title?: string }): string {
  const base = opts.baseUrl.replace(/\/+$/, '');
  return buildAtomFeed({
    id: `${base}/feeds/consultations.atom`,
    title: opts.title ?? '公开征求意见',
    selfLink: `${base}/feeds/consultations.atom`,
    alternateLink: `${base}/consultations`,
    updated: opts.updated,
    author: '立法工作台',
    entries: items
      .filter((item) => item.status === 'open')
      .map((item) => ({
        id: entryId(item.id, base),
        title: item.title,
        link: `${base}/consultations/${encodeURIComponent(item.id)}`,
        // Consultations open at the start of a Beijing day.
        published: new Date(`${item.opensOn}T00:00:00+08:00`),
        updated: new Date(`${item.opensOn}T00:00:00+08:00`),
        summary: `征求意见时间：${chineseDate(item.opensOn)}至${chineseDate(item.closesOn)}。${item.description}`,
      })),
  });
}
