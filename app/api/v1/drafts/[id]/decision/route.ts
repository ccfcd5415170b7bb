import { decisionQuery, fileResponse, handleApi, jsonResponse, readQuery, requireUser, getEngine } from '@/lib/api';
import { draftAmendmentDecision } from '@/lib/legal-text';
import { compareDraftTexts, decisionDocument } from '@/lib/versioning';

export const dynamic = 'force-dynamic';

/// The 修改决定 generated from a comparison of two texts of a bill.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return handleApi(request, async (ctx) => {
    const query = readQuery(request, decisionQuery);
    const { comparison } = await compareDraftTexts(getEngine(), requireUser(ctx), id, query);
    if (query.format !== 'json') return fileResponse(await decisionDocument(comparison, query.format));
    return jsonResponse(draftAmendmentDecision(comparison));
  });
}
