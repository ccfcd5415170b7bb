import { auditDownload, auditExportQuery, fileResponse, getEngine, handleApi, readQuery, requireUser } from '@/lib/api';

export const dynamic = 'force-dynamic';

/// Audit entries matching the filters as CSV, streamed: one bill's (its members and admins) with
/// `bill`, else the whole log (admins).
export function GET(request: Request) {
  return handleApi(request, async (ctx) => fileResponse(await auditDownload(getEngine(), requireUser(ctx), readQuery(request, auditExportQuery), ctx.locale)));
}
