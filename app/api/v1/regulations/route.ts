import { handleApi, jsonResponse, libraryOperations, readQuery } from '@/lib/api';
import { listRegulations, resolveCitationQuery, searchLibrary } from '@/lib/library';

export const dynamic = 'force-dynamic';

const link = (slug: string, n?: number) => `/regulations/${encodeURIComponent(slug)}${n ? `/articles/${n}` : ''}`;

/// The library: a filtered list, or with `q` ranked article hits grouped by regulation.
export function GET(request: Request) {
  return handleApi(request, () => {
    const query = readQuery(request, libraryOperations.listRegulations.query);
    if (query.q) {
      const cited = resolveCitationQuery(query.q);
      const found = searchLibrary({ ...query, q: query.q });
      return jsonResponse({
        total: found.total,
        page: found.page,
        pageSize: found.pageSize,
        hasMore: found.hasMore,
        ...(cited ? { citation: { slug: cited.slug, article: cited.article, url: link(cited.slug, cited.article) } } : {}),
        results: found.groups.map((g) => ({ ...g, hits: g.hits.map((h) => ({ ...h, url: link(g.slug, h.number) })) })),
      });
    }
    const list = listRegulations(query);
    return jsonResponse({
      total: list.total,
      page: list.page,
      pageSize: list.pageSize,
      items: list.items.map((r) => ({ id: r.id, slug: r.slug, title: r.title, kind: r.kind, status: r.status, amended: r.amended, topic: r.topic, region: r.region, adoptedOn: r.adoptedOn, effectiveOn: r.effectiveOn, versions: r.versions, url: link(r.slug) })),
    });
  });
}
