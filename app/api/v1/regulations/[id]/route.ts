import { atQuery, handleApi, jsonResponse, readQuery } from '@/lib/api';
import { getRegulation } from '@/lib/library';
import { routeParam } from '@/lib/shared';

export const dynamic = 'force-dynamic';

/// A regulation with its versions and the text in force on `at` (default today).
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return handleApi(request, () => {
    const { at } = readQuery(request, atQuery);
    return jsonResponse(getRegulation(routeParam(id), { at }));
  });
}
