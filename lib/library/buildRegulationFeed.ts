import { buildAtomFeed } from '@/lib/shared';
import { listRecentChanges } from './listRecentChanges';
import { regulationPath } from './regulationPaths';
import type { Engine } from '@/db/engine';

const changeWords = { original: '公布', amendment: '修正', revision: '修订' } as const;

/// The Atom feed of new and amended regulations (newest first), as XML text. Either engine.
export async function buildRegulationFeed(engine: Engine, opts: { baseUrl: string; title: string }): Promise<string> {
  const entries = await listRecentChanges(engine, 50);
  return buildAtomFeed({
    id: `${opts.baseUrl}/feeds/regulations.atom`,
    title: opts.title,
    selfLink: `${opts.baseUrl}/feeds/regulations.atom`,
    alternateLink: `${opts.baseUrl}/regulations`,
    updated: entries[0]?.createdAt ?? new Date(0),
    author: '立法工作台',
    entries: entries.map((e) => ({
      id: `urn:lawbench:regulation:${e.regulationId}:v${e.seq}`,
      title: `${e.title}（${changeWords[e.change]}${e.effectiveOn ? `，${e.effectiveOn} 起施行` : ''}）`,
      link: `${opts.baseUrl}${regulationPath(e.slug)}${e.effectiveOn ? `?at=${e.effectiveOn}` : ''}`,
      updated: e.createdAt,
      summary: e.infoLines.join('；'),
    })),
  });
}
