import type { ResolvedCitation } from './resolveCitations';

/// Whether a citation names law that has moved since the content's date (amended or repealed).
export function hasMoved(c: Pick<ResolvedCitation, 'status'>): boolean {
  return c.status === 'amended' || c.status === 'repealed';
}

/// The articles among `citations` that have moved, one each however many of its 款 are cited,
/// each named by its article (《…》第十二条, without 第二款).
export function movedArticles(citations: ResolvedCitation[]): ResolvedCitation[] {
  const byArticle = new Map<string, ResolvedCitation>();
  for (const c of citations.filter(hasMoved)) byArticle.set(`${c.regulationId}:${c.eid}`, { ...c, citation: c.citation?.replace(/(条(?:之[一二三四五六七八九十]+)?)第.*$/, '$1') ?? null });
  return [...byArticle.values()];
}
