import { escapeHtml } from '@/lib/legal-text';
import { listRecentChanges } from './listRecentChanges';
import { regulationPath } from './regulationPaths';
import { getDatabase, type Db } from '@/db/client';

const changeWords = { original: '公布', amendment: '修正', revision: '修订' } as const;

/// The Atom feed of new and amended regulations (newest first), as XML text.
export function buildAtomFeed(opts: { baseUrl: string; title: string }, db: Db = getDatabase()): string {
  const entries = listRecentChanges(50, db);
  const updated = (entries[0]?.createdAt ?? new Date(0)).toISOString();
  const x = escapeHtml;
  const items = entries.map((e) => {
    const url = `${opts.baseUrl}${regulationPath(e.slug)}${e.effectiveOn ? `?at=${e.effectiveOn}` : ''}`;
    return [
      '  <entry>',
      `    <id>urn:lawbench:regulation:${x(e.regulationId)}:v${e.seq}</id>`,
      `    <title>${x(`${e.title}（${changeWords[e.change]}${e.effectiveOn ? `，${e.effectiveOn} 起施行` : ''}）`)}</title>`,
      `    <link rel="alternate" href="${x(url)}"/>`,
      `    <updated>${e.createdAt.toISOString()}</updated>`,
      `    <summary>${x(e.infoLines.join('；'))}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <id>${x(opts.baseUrl)}/feeds/regulations.atom</id>`,
    `  <title>${x(opts.title)}</title>`,
    `  <link rel="self" href="${x(opts.baseUrl)}/feeds/regulations.atom"/>`,
    `  <link rel="alternate" href="${x(opts.baseUrl)}/regulations"/>`,
    `  <updated>${updated}</updated>`,
    '  <author><name>立法工作台</name></author>',
    ...items,
    '</feed>',
    '',
  ].join('\n');
}
