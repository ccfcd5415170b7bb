import { getDatabase, type Db } from '@/db/client';
import { findCitations } from '@/lib/legal-text';
import { todayInChina } from '@/lib/shared';
import { explainerResolver } from './getExplainer';
import type { ExplainerRow } from './readExplainer';
import { renderMarkdown } from './renderMarkdown';

/// Words for a citation that resolves to nothing, by why.
const unresolvedTitles = { regulation_unknown: '法规库中没有这部法规', provision_missing: '该日施行的文本中没有这一条款', no_context: '无法确定所指的条款' } as const;

/// The body of a piece of content as safe HTML, every citation linked to the provision as in
/// force on the content's date (in text order, so 本条 and 前款 follow the one before), and one
/// that resolves to nothing marked.
export function renderExplainerBody(row: Pick<ExplainerRow, 'body' | 'asOf' | 'regulations'>, db: Db = getDatabase(), today: string = todayInChina()): string {
  const resolve = explainerResolver(row, db, today);
  return renderMarkdown(row.body, {
    findCitations: (text) => findCitations(text).map(({ text: t, start, end }) => ({ text: t, start, end })),
    linkCitation: ({ text }) => {
      const c = resolve(text);
      if (c.status === 'unresolved' || !c.href) return { href: '', title: unresolvedTitles[c.reason ?? 'provision_missing'], state: 'unresolved' };
      return { href: c.href, title: c.citation ?? undefined, state: 'ok' };
    },
  });
}
