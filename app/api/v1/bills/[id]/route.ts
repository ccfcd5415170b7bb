import { getEngine } from '@/lib/api';
import { handleApi, jsonResponse, requireUser } from '@/lib/api';
import { getBillWorkflow } from '@/lib/workflow';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

/// A bill with its path, deadlines and history.
export async function GET(request: Request, { params }: Ctx) {
  const { id } = await params;
  return handleApi(request, async (ctx) => jsonResponse(await getBillWorkflow(getEngine(), requireUser(ctx), id)));
}
