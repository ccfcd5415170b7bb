import { getEngine, handleApi, jsonResponse, readJsonBody, requireUser } from '@/lib/api';
import { recordFiling } from '@/lib/publication';
import { routeParam } from '@/lib/shared';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

/// Records the filing of a published bill.
export async function POST(request: Request, { params }: Ctx) {
  const { id } = await params;
  return handleApi(request, async (ctx) => jsonResponse(await recordFiling(getEngine(), requireUser(ctx), routeParam(id), await readJsonBody(request)), { status: 201 }));
}
