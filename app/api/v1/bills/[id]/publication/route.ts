import { getEngine } from '@/lib/api';
import { handleApi, jsonResponse, readJsonBody, requireUser } from '@/lib/api';
import { publishBill } from '@/lib/publication';
import { routeParam } from '@/lib/shared';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

/// Publishes the bill with its 公告 and answers with where the text went.
export async function POST(request: Request, { params }: Ctx) {
  const { id } = await params;
  return handleApi(request, async (ctx) => jsonResponse(await publishBill(getEngine(), requireUser(ctx), routeParam(id), await readJsonBody(request)), { status: 201 }));
}
