import { getEngine, handleApi, jsonResponse, publicationLogQuery, readQuery } from '@/lib/api';
import { listPublicationLog } from '@/lib/publication';

export const dynamic = 'force-dynamic';

/// The publication log, newest first.
export async function GET(request: Request) {
  return handleApi(request, async () => {
    const { limit } = readQuery(request, publicationLogQuery);
    return jsonResponse({ entries: (await listPublicationLog(getEngine(), { limit })).map((e) => ({ ...e, at: e.at.toISOString() })) });
  });
}
