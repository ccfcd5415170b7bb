import type { Engine } from '@/db/engine';
import { findCitations } from '@/lib/legal-text';
import { todayInChina } from '@/lib/shared';
import { explainerResolver } from './getExplainer';
import type { ExplainerRow } from './readExplainer';
import { citationsIn, renderMarkdown, type CitationMatch } from './renderMarkdown';
import type { ResolvedCitation } from './resolveCitations';

/// Words for a citation that resolves to nothing, by why.
const unresolvedTitles = { regulation_unknown: '法规库中没有这部法规', provision_missing: '该日施行的文本中没有这一条款', no_context: '无法确定所指的条款' } as const;

const citationsOf = (text: string): CitationMatch[] => findCitations(text).map(({ text: t, start, end }) => ({ text: t, start, end }));

/// The body of a piece of content as safe HTML, every citation linked to the provision as in
/// force on the content's date (in text order, so 本条 and 前款 follow the one before), and one
/// that resolves to nothing marked. The citations are resolved first, in the order the renderer
/// meets them, then handed to it in that order.
export async function renderExplainerBody(engine: Engine, row: Pick<ExplainerRow, 'body' | 'asOf' | 'regulations'>, today: string = todayInChina()): Promise<string> {
  const resolve = explainerResolver(engine, row, today);
  const resolved: ResolvedCitation[] = [];
  for (const { text } of citationsIn(row.body, citationsOf)) resolved.push(await resolve(text));
  let next = 0;
  return renderMarkdown(row.body, {
    findCitations: citationsOf,
    linkCitation: ({ text }) => {
      const c = resolved[next++];
      if (c?.text !== text) throw new Error('renderExplainerBody: the renderer met the citations in another order than citationsIn reported');
      if (c.status === 'unresolved' || !c.href) return { href: '', title: unresolvedTitles[c.reason ?? 'provision_missing'], state: 'unresolved' };
      return { href: c.href, title: c.citation ?? undefined, state: 'ok' };
    },
  });
}
