import { fileResponse, getEngine, handleApi, requireUser } from '@/lib/api';
import { answerSheetPdf, getDeskRecord } from '@/lib/desk';
import { downloadDocument } from '@/lib/documents';
import { routeParam } from '@/lib/shared';

export const dynamic = 'force-dynamic';

/// The printable answer sheet of a desk record, for its volunteer and admins.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return handleApi(request, async (ctx) => {
    const record = await getDeskRecord(getEngine(), requireUser(ctx), routeParam(id));
    return fileResponse(downloadDocument(await answerSheetPdf(getEngine(), record), 'pdf', `法律咨询答复单-${record.createdAt.toISOString().slice(0, 10)}`));
  });
}
