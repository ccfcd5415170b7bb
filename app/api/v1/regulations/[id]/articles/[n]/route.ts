import { atQuery, handleApi, jsonResponse, readQuery, getEngine } from '@/lib/api';
import { AppError } from '@/lib/errors';
import { parseArticleParam, readArticle } from '@/lib/library';
import { routeParam } from '@/lib/shared';

export const dynamic = 'force-dynamic';

/// One article (`12`, or `12-1` for 第十二条之一) as in force on `at`.
export async function GET(request: Request, { params }: { params: Promise<{ id: string; n: string }> }) {
  const { id, n } = await params;
  return handleApi(request, async () => {
    const { at } = readQuery(request, atQuery);
    const num = parseArticleParam(n);
    if (!num) throw new AppError('not_found', 'article_not_found');
    const { article, citation, regulation, version, at: date, previous, next } = await readArticle(getEngine(), routeParam(id), num.number, { at, sub: num.sub });
    return jsonResponse({ article, citation, regulation, version, at: date, previous, next });
  });
}
