import { getEngine, handleApi, jsonResponse } from '@/lib/api';
import { getExplainer } from '@/lib/explainers';
import { routeParam } from '@/lib/shared';

export const dynamic = 'force-dynamic';

/// One piece of content with its citations; drafts only for their author and reviewers.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return handleApi(request, async (ctx) => {
    const e = await getExplainer(getEngine(), ctx.user, routeParam(id));
    return jsonResponse({
      id: e.id, kind: e.kind, title: e.title, summary: e.summary, body: e.body, date: e.asOf, status: e.status,
      citations: e.citations.map((c) => ({ citation: c.citation, text: c.text, regulationId: c.regulationId, eid: c.eid, at: c.at, status: c.status })),
    });
  });
}
