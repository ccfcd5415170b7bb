import { contentListQuery, getEngine, handleApi, jsonResponse, readQuery } from '@/lib/api';
import { listExplainers } from '@/lib/explainers';

export const dynamic = 'force-dynamic';

/// Approved content, newest first.
export async function GET(request: Request) {
  return handleApi(request, async () => {
    const { q, kind, limit, offset } = readQuery(request, contentListQuery);
    const { items, total } = await listExplainers(getEngine(), null, { q, kind, limit, offset });
    return jsonResponse({ items: items.map((e) => ({ id: e.id, kind: e.kind, title: e.title, summary: e.summary, date: e.asOf, regulationIds: e.regulations.map((r) => r.id) })), total });
  });
}
