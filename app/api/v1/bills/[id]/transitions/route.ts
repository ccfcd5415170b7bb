import { getEngine } from '@/lib/api';
import { handleApi, jsonResponse, readJsonBody, requireUser } from '@/lib/api';
import { transitionBill } from '@/lib/workflow';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

/// Moves the bill to another stage.
export async function POST(request: Request, { params }: Ctx) {
  const { id } = await params;
  return handleApi(request, async (ctx) => jsonResponse(await transitionBill(getEngine(), requireUser(ctx), id, await readJsonBody(request)), { status: 200 }));
}
