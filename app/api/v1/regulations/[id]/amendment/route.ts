import { amendmentQuery, fileResponse, getEngine, handleApi, readQuery } from '@/lib/api';
import { amendmentDocument } from '@/lib/publication';
import { routeParam } from '@/lib/shared';

export const dynamic = 'force-dynamic';

/// The 修改决定 or the 修改对照表 published with an amended version.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return handleApi(request, async () => fileResponse(await amendmentDocument(getEngine(), routeParam(id), readQuery(request, amendmentQuery)), { public: true }));
}
