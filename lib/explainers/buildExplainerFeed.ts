import type { Engine } from '@/db/engine';
import { buildAtomFeed } from '@/lib/shared';
import { listExplainers } from './listExplainers';

const kindWords = { interpretation: '释义', education: '普法', aid_guide: '法律援助指南', qa: '问答' } as const;

/// The Atom feed of approved content, newest first (drafts never appear).
export async function buildExplainerFeed(engine: Engine, baseUrl: string): Promise<string> {
  const { items } = await listExplainers(engine, null, { limit: 50 });
  const self = `${baseUrl}/feeds/content.atom`;
  return buildAtomFeed({
    id: self,
    title: '立法工作台 · 释义与普法',
    selfLink: self,
    alternateLink: `${baseUrl}/explainers`,
    updated: items[0]?.approvedAt ?? items[0]?.updatedAt ?? new Date(0),
    author: '立法工作台',
    entries: items.map((e) => ({
      id: `urn:lawbench:content:${e.id}`,
      title: `【${kindWords[e.kind]}】${e.title}`,
      link: `${baseUrl}/explainers/${e.id}`,
      updated: e.approvedAt ?? e.updatedAt,
      summary: e.summary,
    })),
  });
}
