import { draftingOperations, handleApi, readJsonBody, requireUser, getEngine } from '@/lib/api';
import { parseInput } from '@/lib/shared';
import { resolveDraftComment } from '@/lib/drafting';

export const dynamic = 'force-dynamic';

/// Resolves or reopens a comment thread.
export async function PATCH(request: Request, { params }: { params: Promise<{ id: string; cid: string }> }) {
  const { id, cid } = await params;
  return handleApi(request, async (ctx) => {
    const { resolved } = parseInput(draftingOperations.resolveComment.body, await readJsonBody(request));
    await resolveDraftComment(getEngine(), requireUser(ctx), id, cid, resolved);
    return new Response(null, { status: 204 });
  });
}
