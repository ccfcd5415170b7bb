import { escapeHtml } from '@/lib/legal-text';
import { chineseDate } from '@/lib/library/dates';
import type { ConsultationSummary } from './types';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/// Characters XML 1.0 does not allow; a description pasted from elsewhere may carry them.
const notXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/// Escapes text for XML content and attribute values, dropping characters XML cannot carry.
function x(text: string): string {
  return escapeHtml(text.replace(notXml, ''));
}

/// A permanent entry id: `urn:uuid:` for the UUIDs the app gives consultations, else a tag URI
/// on the site's host.
function entryId(id: string, baseUrl: string): string {
  if (uuid.test(id)) return `urn:uuid:${id.toLowerCase()}`;
  return `tag:${new URL(baseUrl).hostname},2025:consultation:${encodeURIComponent(id)}`;
}

/// The Atom feed of consultations open for comment (items in any other state are left out), as
/// XML text: each entry links to its page and says when comments may be sent and what the
/// draft is about. Every text is escaped. `updated` is the feed's own time stamp.
export function buildConsultationFeed(items: ConsultationSummary[], opts: { baseUrl: string; updated: Date; title?: string }): string {
  const base = opts.baseUrl.replace(/\/+$/, '');
  const entries = items
    .filter((item) => item.status === 'open')
    .map((item) => {
      const dates = `征求意见时间：${chineseDate(item.opensOn)}至${chineseDate(item.closesOn)}。`;
      return [
        '  <entry>',
        `    <id>${x(entryId(item.id, base))}</id>`,
        `    <title>${x(item.title)}</title>`,
        `    <link rel="alternate" href="${x(`${base}/consultations/${encodeURIComponent(item.id)}`)}"/>`,
        `    <published>${x(item.opensOn)}T00:00:00+08:00</published>`,
        `    <updated>${x(item.opensOn)}T00:00:00+08:00</updated>`,
        `    <summary>${x(`${dates}${item.description}`)}</summary>`,
        '  </entry>',
      ].join('\n');
    });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <id>${x(base)}/feeds/consultations.atom</id>`,
    `  <title>${x(opts.title ?? '公开征求意见')}</title>`,
    `  <link rel="self" href="${x(base)}/feeds/consultations.atom"/>`,
    `  <link rel="alternate" href="${x(base)}/consultations"/>`,
    `  <updated>${opts.updated.toISOString()}</updated>`,
    '  <author><name>立法工作台</name></author>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
