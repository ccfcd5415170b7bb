import { eq } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import { can, type CurrentUser } from '@/lib/auth';
import { downloadDocument, type DownloadDocument } from '@/lib/documents';
import { getBill } from '@/lib/drafting';
import { AppError } from '@/lib/errors';
import { buildFilingPackage, findPromulgation } from './buildFilingPackage';

/// The filing package of a published bill, for its members: exactly as filed once the filing is
/// recorded, else built now from the publication (to check before filing). `not_published`
/// before publication.
export async function filingPackage(engine: Engine, actor: CurrentUser | null, billId: string): Promise<DownloadDocument> {
  const bill = await getBill(engine, actor, billId);
  if (!can(actor, 'bill:view', bill.resource)) throw new AppError('not_found', 'bill_not_found');
  const p = await findPromulgation(engine, billId);
  if (!p) throw new AppError('not_found', 'not_published');
  const { filings } = engine.t;
  const [filed] = await engine.db.select({ package: filings.package }).from(filings).where(eq(filings.billId, billId)).limit(1);
  const body = filed ? new Uint8Array(filed.package) : (await buildFilingPackage(engine, p)).zip;
  return downloadDocument(body, 'zip', `${bill.title}-备案材料`);
}
