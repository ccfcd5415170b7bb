import { eq } from 'drizzle-orm';
import type { Engine } from '@/db/engine';

/// The 公告 a version was promulgated with, when it was published here (null for an imported
/// text), with the bill it came from and the public consultation held on its draft.
export async function noticeOfVersion(
  { db, t }: Engine,
  versionId: string,
): Promise<{ number: number; body: string; text: string; billId: string; consultationId: string | null } | null> {
  const { promulgations } = t;
  const [row] = await db
    .select({ number: promulgations.number, body: promulgations.body, text: promulgations.noticeText, billId: promulgations.billId, consultationId: promulgations.consultationId })
    .from(promulgations)
    .where(eq(promulgations.versionId, versionId))
    .limit(1);
  return row ?? null;
}
