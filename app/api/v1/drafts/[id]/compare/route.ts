import { compareQuery, fileResponse, handleApi, jsonResponse, readQuery, requireUser, getEngine } from '@/lib/api';
import { toDiffJson } from '@/lib/legal-text';
import { compareDraftTexts, comparisonDocument } from '@/lib/versioning';

export const dynamic = 'force-dynamic';

/// Compares two texts of a bill: the diff JSON, or the 修改对照表 as DOCX or PDF.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return handleApi(request, async (ctx) => {
    const query = readQuery(request, compareQuery);
    const result = await compareDraftTexts(getEngine(), requireUser(ctx), id, query);
    if (query.format !== 'json') return fileResponse(await comparisonDocument(result, query.format, { all: query.all === '1', locale: ctx.locale }));
    const side = ({ ref, kind, name, seq }: typeof result.from) => ({ ref, kind, name, seq });
    return jsonResponse({ from: side(result.from), to: side(result.to), ...toDiffJson(result.comparison) });
  });
}
