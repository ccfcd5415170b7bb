import { fileResponse, getEngine, handleApi, requireUser } from '@/lib/api';
import { filingPackage } from '@/lib/publication';
import { routeParam } from '@/lib/shared';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

/// The filing package of a published bill, as a ZIP.
export async function GET(request: Request, { params }: Ctx) {
  const { id } = await params;
  return handleApi(request, async (ctx) => fileResponse(await filingPackage(getEngine(), requireUser(ctx), routeParam(id))));
}
