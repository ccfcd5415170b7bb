import { handleApi, jsonResponse, requireUser, getEngine } from '@/lib/api';
import { getDraftText } from '@/lib/drafting';

export const dynamic = 'force-dynamic';

/// The current text of a draft as structured JSON.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return handleApi(request, async (ctx) => jsonResponse(await getDraftText(getEngine(), requireUser(ctx), id)));
}
