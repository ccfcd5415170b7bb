import { clientAddress, getEngine, handleApi, jsonResponse, publishedCommentsQuery, readJsonBody, readQuery, requireUser } from '@/lib/api';
import { listPublishedComments, submitComment } from '@/lib/consultation';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

/// The published comments of a consultation, a page at a time.
export async function GET(request: Request, { params }: Ctx) {
  const { id } = await params;
  return handleApi(request, async () => {
    const { articleEid, limit, offset } = readQuery(request, publishedCommentsQuery);
    const filter = articleEid === undefined ? {} : { articleEid: articleEid === 'none' ? null : articleEid };
    return jsonResponse({ items: await listPublishedComments(getEngine(), id, { ...filter, limit, offset }), limit, offset });
  });
}

/// Submits a comment; answers 201 with the receipt once it is stored.
export async function POST(request: Request, { params }: Ctx) {
  const { id } = await params;
  return handleApi(request, async (ctx) => {
    const user = requireUser(ctx);
    const receipt = await submitComment(getEngine(), user, id, await readJsonBody(request, 64 * 1024), { address: clientAddress(request.headers) });
    return jsonResponse(receipt, { status: 201 });
  });
}
