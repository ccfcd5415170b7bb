import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { consultationReportFiles } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import { exportReportDocx } from './exportReportDocx';
import { exportReportPdf } from './exportReportPdf';
import type { ConsultationReport } from './getConsultationReport';

// Bump when exportReportDocx or exportReportPdf change what they make, so that files built by
// the earlier code are built again rather than served.
const layout = 1;

// A file being built, by key: a second download arriving meanwhile waits for it instead of
// building the same file again.
const building = new Map<string, Promise<Uint8Array>>();

/// The bytes of the report as a Word or PDF file, built once per content of the report and kept
/// in `consultation_report_files`: a later download of the same report reads them back. A change
/// to anything the file shows (a republished summary, a disposition, a moderation decision)
/// changes the report's data, hence its hash, and the next download builds the file again and
/// replaces the one kept. `now` is the build time written into the file and the row.
export async function storedReportFile(report: ConsultationReport, format: 'docx' | 'pdf', db: Db = getDatabase(), now: Date = new Date()): Promise<Uint8Array> {
  const contentHash = createHash('sha256').update(JSON.stringify({ layout, format, report })).digest('hex');
  const kept = db
    .select({ contentHash: consultationReportFiles.contentHash, bytes: consultationReportFiles.bytes })
    .from(consultationReportFiles)
    .where(and(eq(consultationReportFiles.consultationId, report.consultationId), eq(consultationReportFiles.format, format)))
    .get();
  if (kept?.contentHash === contentHash) return kept.bytes;

  const key = `${report.consultationId} ${format} ${contentHash}`;
  let pending = building.get(key);
  if (!pending) {
    pending = (format === 'docx' ? exportReportDocx(report, now) : exportReportPdf(report, now))
      .then((bytes) => {
        const row = { contentHash, bytes: Buffer.from(bytes), builtAt: now };
        db.insert(consultationReportFiles)
          .values({ consultationId: report.consultationId, format, ...row })
          .onConflictDoUpdate({ target: [consultationReportFiles.consultationId, consultationReportFiles.format], set: row })
          .run();
        return bytes;
      })
      .finally(() => building.delete(key));
    building.set(key, pending);
  }
  return pending;
}
