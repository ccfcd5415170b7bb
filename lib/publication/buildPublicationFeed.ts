import type { Engine } from '@/db/engine';
import { AppError } from '@/lib/errors';
import { regulationPath } from '@/lib/library';
import { buildAtomFeed, chineseDate, type LifecycleEventKind } from '@/lib/shared';
import { eventWord } from './eventWord';
import { listPublicationLog } from './listPublicationLog';

/// The library's feeds: new regulations, amended ones, repealed ones, and the whole publication log.
export const publicationFeeds = ['new', 'amended', 'repealed', 'log'] as const;
export type PublicationFeed = (typeof publicationFeeds)[number];

const feedTitles: Record<PublicationFeed, string> = { new: '新公布的法规', amended: '修改的法规', repealed: '废止的法规', log: '公布记录' };

/// The event kinds each feed carries: a text promulgated (the first of a regulation, see below),
/// an amendment or revision adopted, a repeal; the log carries every kind.
const feedKinds: Record<PublicationFeed, readonly LifecycleEventKind[] | undefined> = { new: ['promulgated'], amended: ['amended', 'revised'], repealed: ['repealed'], log: undefined };

/// One of the library's Atom feeds as XML text, newest first; `not_found` for an unknown feed.
export async function buildPublicationFeed(engine: Engine, feed: string, baseUrl: string): Promise<string> {
  if (!(publicationFeeds as readonly string[]).includes(feed)) throw new AppError('not_found', 'feed_not_found');
  const which = feed as PublicationFeed;
  // New regulations are the promulgations of a first text; later texts are promulgated too.
  const entries = (await listPublicationLog(engine, { kinds: feedKinds[which], limit: which === 'new' ? 5000 : 100 })).filter((e) => which !== 'new' || e.versionSeq === 1).slice(0, 100);
  const self = `${baseUrl}/feeds/library/${which}.atom`;
  return buildAtomFeed({
    id: self,
    title: `立法工作台 · ${feedTitles[which]}`,
    selfLink: self,
    alternateLink: `${baseUrl}/regulations`,
    updated: entries[0]?.at ?? new Date(0),
    author: '立法工作台',
    entries: entries.map((e) => ({
      id: `urn:lawbench:event:${e.seq}`,
      title: `《${e.title}》${chineseDate(e.on)}${eventWord(e.kind)}`,
      link: `${baseUrl}${regulationPath(e.slug)}${e.kind === 'repealed' ? '' : `?at=${e.on}`}`,
      updated: e.at,
      summary: [e.versionSeq ? `第${e.versionSeq}版` : null, e.source].filter(Boolean).join('；'),
    })),
  });
}
