import { getEngine } from '@/lib/api';
import { handleApi, jsonResponse, readJsonBody, requireUser } from '@/lib/api';
import { requestSignoff } from '@/lib/workflow';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

/// Asks a reviewer to approve the current text.
export async function POST(request: Request, { params }: Ctx) {
  const { id } = await params;
  return handleApi(request, async (ctx) => jsonResponse(await requestSignoff(getEngine(), requireUser(ctx), id, await readJsonBody(request)), { status: 201 }));
}
