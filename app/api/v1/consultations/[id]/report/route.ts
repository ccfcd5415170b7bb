import { fileResponse, getEngine, handleApi, jsonResponse, readQuery, reportQuery } from '@/lib/api';
import { publicReport, publicReportDocument } from '@/lib/consultation';

export const dynamic = 'force-dynamic';

/// The published 征求意见情况通报 of a consultation, as JSON, DOCX or PDF (the files built once
/// per content of the report, then served as stored).
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return handleApi(request, async () => {
    const { format } = readQuery(request, reportQuery);
    const report = await publicReport(getEngine(), id);
    return format === 'json' ? jsonResponse(report) : fileResponse(await publicReportDocument(getEngine(), report, format));
  });
}
