import { atQuery, handleApi, jsonResponse, readQuery, getEngine } from '@/lib/api';
import { AppError } from '@/lib/errors';
import { getRegulationArticleHistory, parseArticleParam } from '@/lib/library';
import { routeParam } from '@/lib/shared';

export const dynamic = 'force-dynamic';

/// One article (`12`, or `12-1` for 第十二条之一) of the text in force on `at`, traced through
/// every published version of the regulation (本条沿革).
export async function GET(request: Request, { params }: { params: Promise<{ id: string; n: string }> }) {
  const { id, n } = await params;
  return handleApi(request, async () => {
    const { at } = readQuery(request, atQuery);
    const num = parseArticleParam(n);
    if (!num) throw new AppError('not_found', 'article_not_found');
    return jsonResponse(await getRegulationArticleHistory(getEngine(), routeParam(id), num, { at }));
  });
}
