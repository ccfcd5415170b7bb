import { getEngine, handleApi, jsonResponse, readJsonBody, requireUser } from '@/lib/api';
import { repealRegulation } from '@/lib/publication';
import { routeParam } from '@/lib/shared';

export const dynamic = 'force-dynamic';

/// Records the repeal of a regulation (admins).
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return handleApi(request, async (ctx) => jsonResponse(await repealRegulation(getEngine(), requireUser(ctx), routeParam(id), await readJsonBody(request)), { status: 201 }));
}
