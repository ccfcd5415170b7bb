import { consultationListQuery, getEngine, handleApi, jsonResponse, readQuery } from '@/lib/api';
import { listConsultations } from '@/lib/consultation';

export const dynamic = 'force-dynamic';

/// Open and closed public consultations.
export async function GET(request: Request) {
  return handleApi(request, async () => {
    const { status } = readQuery(request, consultationListQuery);
    const items = (await listConsultations(getEngine(), status ? { status } : {})).filter((c) => c.status !== 'upcoming');
    return jsonResponse({ items });
  });
}
