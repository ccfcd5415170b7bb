import { getEngine, handleApi, jsonResponse, readJsonBody, requireUser } from '@/lib/api';
import { previewExplainer } from '@/lib/explainers';

export const dynamic = 'force-dynamic';

/// The editor's live preview.
export async function POST(request: Request) {
  return handleApi(request, async (ctx) => {
    const input = (await readJsonBody(request)) as Record<string, unknown>;
    const { html, citations } = await previewExplainer(getEngine(), requireUser(ctx), input ?? {});
    return jsonResponse({ html, citations: citations.map((c) => ({ text: c.text, citation: c.citation, status: c.status })) });
  });
}
