import { getEngine, handleApi, jsonResponse, requireUser } from '@/lib/api';
import { collabPublicUrl, createCollabTicket } from '@/lib/drafting';

export const dynamic = 'force-dynamic';

/// A short-lived ticket for the collaboration server, with its URL and room.
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return handleApi(request, async (ctx) => {
    const ticket = await createCollabTicket(getEngine(), requireUser(ctx), id, ctx.sessionId);
    const url = collabPublicUrl(request.headers.get('x-forwarded-host') ?? request.headers.get('host'), ctx.secure);
    return jsonResponse({ url, ...ticket }, { status: 201 });
  });
}
