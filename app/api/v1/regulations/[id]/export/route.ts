import { exportQuery, fileResponse, getEngine, handleApi, readQuery } from '@/lib/api';
import { exportRegulation } from '@/lib/publication';
import { routeParam } from '@/lib/shared';

export const dynamic = 'force-dynamic';

/// A version of a regulation in one of the export formats; published texts, so cacheable.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return handleApi(request, async () => fileResponse(await exportRegulation(getEngine(), routeParam(id), readQuery(request, exportQuery)), { public: true }));
}
