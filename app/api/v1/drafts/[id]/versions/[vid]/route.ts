import { handleApi, jsonResponse, requireUser, getEngine } from '@/lib/api';
import { getDraftVersion } from '@/lib/versioning';

export const dynamic = 'force-dynamic';

/// One version of a draft with its frozen text.
export async function GET(request: Request, { params }: { params: Promise<{ id: string; vid: string }> }) {
  const { id, vid } = await params;
  return handleApi(request, async (ctx) => jsonResponse(await getDraftVersion(getEngine(), requireUser(ctx), id, vid)));
}
