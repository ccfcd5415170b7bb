import { clientAddress, handleApi, jsonResponse, readJsonBody, requireUser } from '@/lib/api';
import { listPublishedComments, submitComment } from '@/lib/consultation';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

/// The published comments of a consultation.
export async function GET(request: Request, { params }: Ctx) {
  const { id } = await params;
  return handleApi(request, () => jsonResponse({ items: listPublishedComments(id, {}) }));
}

/// Submits a comment; answers 201 with the receipt once it is stored.
export async function POST(request: Request, { params }: Ctx) {
  const { id } = await params;
  return handleApi(request, async (ctx) => {
    const user = requireUser(ctx);
    const receipt = submitComment(user, id, await readJsonBody(request, 64 * 1024), { address: clientAddress(request.headers) });
    return jsonResponse(receipt, { status: 201 });
  });
}
