import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
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
/// replaces the one kept. `now` is the build time written into the file and the row. Either
/// engine: the bytes come back as a Buffer from SQLite's blob and PostgreSQL's bytea alike.
export async function storedReportFile(engine: Engine, report: ConsultationReport, format: 'docx' | 'pdf', now: Date = new Date()): Promise<Uint8Array> {
  const { db, t } = engine;
  const files = t.consultationReportFiles;
  const contentHash = createHash('sha256').update(JSON.stringify({ layout, format, report })).digest('hex');
  const [kept] = await db
    .select({ contentHash: files.contentHash, bytes: files.bytes })
    .from(files)
    .where(and(eq(files.consultationId, report.consultationId), eq(files.format, format)))
    .limit(1);
  if (kept?.contentHash === contentHash) return kept.bytes;

  const key = `${report.consultationId} ${format} ${contentHash}`;
  let pending = building.get(key);
  if (!pending) {
    pending = (format === 'docx' ? exportReportDocx(report, now) : exportReportPdf(report, now))
      .then(async (bytes) => {
        const row = { contentHash, bytes: Buffer.from(bytes), builtAt: now };
        await db
          .insert(files)
          .values({ consultationId: report.consultationId, format, ...row })
          .onConflictDoUpdate({ target: [files.consultationId, files.format], set: row });
        return bytes;
      })
      .finally(() => building.delete(key));
    building.set(key, pending);
  }
  return pending;
}
