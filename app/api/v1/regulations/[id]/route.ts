import { atQuery, handleApi, jsonResponse, readQuery, getEngine } from '@/lib/api';
import { readRegulation } from '@/lib/library';
import { routeParam } from '@/lib/shared';

export const dynamic = 'force-dynamic';

/// A regulation with its versions and the text in force on `at` (default today).
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return handleApi(request, async () => {
    const { at } = readQuery(request, atQuery);
    return jsonResponse(await readRegulation(getEngine(), routeParam(id), { at }));
  });
}
