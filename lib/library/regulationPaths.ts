/// The public address of a regulation: `/regulations/{slug}`.
export function regulationPath(slug: string): string {
  return `/regulations/${encodeURIComponent(slug)}`;
}

/// The public address of one article: `/regulations/{slug}/articles/12`, or `…/12-1` for 第十二条之一.
export function articlePath(slug: string, article: { number: number; sub?: number }): string {
  return `${regulationPath(slug)}/articles/${article.sub ? `${article.number}-${article.sub}` : article.number}`;
}

/// Reads the article segment of an address (`12`, `12-1`); null when it is not one.
export function parseArticleParam(segment: string): { number: number; sub?: number } | null {
  const m = /^(\d{1,6})(?:-(\d{1,3}))?$/.exec(segment);
  return m ? { number: Number(m[1]), sub: m[2] ? Number(m[2]) : undefined } : null;
}
