import { handleApi, jsonResponse, requireUser, getEngine } from '@/lib/api';
import { getArticleHistory } from '@/lib/versioning';

export const dynamic = 'force-dynamic';

/// An article of a draft across its saved versions.
export async function GET(request: Request, { params }: { params: Promise<{ id: string; eid: string }> }) {
  const { id, eid } = await params;
  return handleApi(request, async (ctx) => jsonResponse({ items: await getArticleHistory(getEngine(), requireUser(ctx), id, eid) }));
}
