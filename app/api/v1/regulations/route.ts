import { handleApi, jsonResponse, libraryOperations, readQuery, getEngine } from '@/lib/api';
import { articlePath, findRegulationOn, listRegulations, regulationPath, resolveCitationQuery, searchLibrary, withoutList } from '@/lib/library';

export const dynamic = 'force-dynamic';

/// The library: a filtered list, or with `q` ranked article hits grouped by regulation.
export function GET(request: Request) {
  return handleApi(request, async () => {
    const query = readQuery(request, libraryOperations.listRegulations.query);
    if (query.q) {
      const within = query.in ? await findRegulationOn(getEngine(), query.in) : null;
      const cited = within ? null : await resolveCitationQuery(getEngine(), query.q);
      const found = await searchLibrary(getEngine(), { ...query, q: query.q, within: within?.slug, without: withoutList(query.without) });
      return jsonResponse({
        // How the text was understood: a citation (also jumped to by the page), found as typed, or
        // read as a question — with the words searched for and the statutory terms added.
        mode: cited ? 'citation' : found.understood.mode,
        terms: found.understood.terms,
        expansions: found.understood.expansions,
        ...(found.understood.cut ? { cut: found.understood.cut } : {}),
        total: found.total,
        page: found.page,
        pageSize: found.pageSize,
        hasMore: found.hasMore,
        ...(cited ? { citation: { slug: cited.slug, article: cited.article, url: articlePath(cited.slug, { number: cited.article, sub: cited.sub }) } } : {}),
        results: found.groups.map((g) => ({ ...g, hits: g.hits.map((h) => ({ ...h, url: articlePath(g.slug, h) })) })),
      });
    }
    const list = await listRegulations(getEngine(), query);
    return jsonResponse({
      total: list.total,
      page: list.page,
      pageSize: list.pageSize,
      items: list.items.map((r) => ({ id: r.id, slug: r.slug, title: r.title, kind: r.kind, jurisdiction: r.jurisdiction, status: r.status, amended: r.amended, topic: r.topic, region: r.region, adoptedOn: r.adoptedOn, effectiveOn: r.effectiveOn, versions: r.versions, url: regulationPath(r.slug) })),
    });
  });
}
