import { and, eq } from 'drizzle-orm';
import { billAttachments } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import type { CurrentUser } from '@/lib/auth';
import { getBill } from '@/lib/drafting';
import { AppError } from '@/lib/errors';
import { sqliteEngine } from '@/db/engine';

/// A file kept with a bill, for those who may see the bill.
export async function getAttachment(actor: CurrentUser | null, billId: string, attachmentId: string, db: Db = getDatabase()): Promise<{ name: string; mediaType: string; body: Uint8Array }> {
  await getBill(sqliteEngine(db), actor, billId);
  const row = db.select().from(billAttachments).where(and(eq(billAttachments.id, attachmentId), eq(billAttachments.billId, billId))).get();
  if (!row) throw new AppError('not_found', 'attachment_not_found');
  return { name: row.name, mediaType: row.mediaType, body: new Uint8Array(row.body) };
}
