import { consultationListQuery, handleApi, jsonResponse, readQuery } from '@/lib/api';
import { listConsultations } from '@/lib/consultation';

export const dynamic = 'force-dynamic';

/// Open and closed public consultations.
export async function GET(request: Request) {
  return handleApi(request, () => {
    const { status } = readQuery(request, consultationListQuery);
    const items = listConsultations(status ? { status } : {}).filter((c) => c.status !== 'upcoming');
    return jsonResponse({ items });
  });
}
