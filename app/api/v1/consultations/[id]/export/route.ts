import { commentExportQuery, fileResponse, getEngine, handleApi, readQuery, requireUser } from '@/lib/api';
import { commentsExport } from '@/lib/consultation';

export const dynamic = 'force-dynamic';

/// Every comment with its moderation and disposition, as CSV or XLSX, for the bill's members.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return handleApi(request, async (ctx) => {
    const { format } = readQuery(request, commentExportQuery);
    return fileResponse(await commentsExport(getEngine(), requireUser(ctx), id, format, ctx.locale));
  });
}
