import { and, eq } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import type { CurrentUser } from '@/lib/auth';
import { getBill } from '@/lib/drafting';
import { AppError } from '@/lib/errors';

/// A file kept with a bill, for those who may see the bill. Either engine.
export async function getAttachment(engine: Engine, actor: CurrentUser | null, billId: string, attachmentId: string): Promise<{ name: string; mediaType: string; body: Uint8Array }> {
  await getBill(engine, actor, billId);
  const a = engine.t.billAttachments;
  const [row] = await engine.db.select().from(a).where(and(eq(a.id, attachmentId), eq(a.billId, billId)));
  if (!row) throw new AppError('not_found', 'attachment_not_found');
  return { name: row.name, mediaType: row.mediaType, body: new Uint8Array(row.body) };
}
