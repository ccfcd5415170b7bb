import { getEngine } from '@/lib/api';
import { handleApi, jsonResponse, readJsonBody, requireUser } from '@/lib/api';
import { recordVote } from '@/lib/workflow';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

/// Records the vote at 表决.
export async function POST(request: Request, { params }: Ctx) {
  const { id } = await params;
  return handleApi(request, async (ctx) => jsonResponse(await recordVote(getEngine(), requireUser(ctx), id, await readJsonBody(request)), { status: 201 }));
}
