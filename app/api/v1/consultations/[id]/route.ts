import { getEngine, handleApi, jsonResponse } from '@/lib/api';
import { getConsultation } from '@/lib/consultation';

export const dynamic = 'force-dynamic';

/// One consultation with its frozen text.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return handleApi(request, async () => jsonResponse(await getConsultation(getEngine(), id)));
}
