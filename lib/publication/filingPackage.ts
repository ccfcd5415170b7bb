import { eq } from 'drizzle-orm';
import { filings } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import { can, type CurrentUser } from '@/lib/auth';
import { downloadDocument, type DownloadDocument } from '@/lib/documents';
import { getBill } from '@/lib/drafting';
import { AppError } from '@/lib/errors';
import { buildFilingPackage, findPromulgation } from './buildFilingPackage';
import { sqliteEngine } from '@/db/engine';

/// The filing package of a published bill, for its members: exactly as filed once the filing is
/// recorded, else built now from the publication (to check before filing). `not_published`
/// before publication.
export async function filingPackage(actor: CurrentUser | null, billId: string, db: Db = getDatabase()): Promise<DownloadDocument> {
  const bill = await getBill(sqliteEngine(db), actor, billId);
  if (!can(actor, 'bill:view', bill.resource)) throw new AppError('not_found', 'bill_not_found');
  const p = findPromulgation(db, billId);
  if (!p) throw new AppError('not_found', 'not_published');
  const filed = db.select({ package: filings.package }).from(filings).where(eq(filings.billId, billId)).get();
  const body = filed ? new Uint8Array(filed.package) : (await buildFilingPackage(db, p)).zip;
  return downloadDocument(body, 'zip', `${bill.title}-备案材料`);
}
