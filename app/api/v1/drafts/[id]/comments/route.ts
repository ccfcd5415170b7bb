import { handleApi, jsonResponse, readJsonBody, requireUser, getEngine } from '@/lib/api';
import { addDraftComment, listDraftComments } from '@/lib/drafting';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

/// Staff comments of a draft.
export async function GET(request: Request, { params }: Ctx) {
  const { id } = await params;
  return handleApi(request, async (ctx) => jsonResponse({ items: await listDraftComments(getEngine(), requireUser(ctx), id) }));
}

/// Adds a staff comment on an article.
export async function POST(request: Request, { params }: Ctx) {
  const { id } = await params;
  return handleApi(request, async (ctx) => jsonResponse(await addDraftComment(getEngine(), requireUser(ctx), id, await readJsonBody(request)), { status: 201 }));
}
