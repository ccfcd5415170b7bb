import { atomResponse, getEngine, publicOrigin } from '@/lib/api';
import { buildConsultationFeed, listConsultations } from '@/lib/consultation';

export const dynamic = 'force-dynamic';

/// Atom feed of the consultations open for comment.
export async function GET(request: Request) {
  const xml = buildConsultationFeed(await listConsultations(getEngine(), { status: 'open' }), { baseUrl: publicOrigin(request), updated: new Date() });
  return atomResponse(request, xml);
}
