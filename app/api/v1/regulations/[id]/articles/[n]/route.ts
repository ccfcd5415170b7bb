import { atQuery, handleApi, jsonResponse, readQuery } from '@/lib/api';
import { AppError } from '@/lib/errors';
import { getArticle } from '@/lib/library';

export const dynamic = 'force-dynamic';

/// One article (`12`, or `12-1` for 第十二条之一) as in force on `at`.
export async function GET(request: Request, { params }: { params: Promise<{ id: string; n: string }> }) {
  const { id, n } = await params;
  return handleApi(request, () => {
    const { at } = readQuery(request, atQuery);
    const m = /^(\d{1,6})(?:-(\d{1,3}))?$/.exec(n);
    if (!m) throw new AppError('not_found', 'article_not_found');
    const { article, citation, regulation, version, at: date, previous, next } = getArticle(decodeURIComponent(id), Number(m[1]), { at, sub: m[2] ? Number(m[2]) : undefined });
    return jsonResponse({ article, citation, regulation, version, at: date, previous, next });
  });
}
