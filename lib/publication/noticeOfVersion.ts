import { eq } from 'drizzle-orm';
import { promulgations } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';

/// The 公告 a version was promulgated with, when it was published here (null for an imported
/// text), with the bill it came from and the public consultation held on its draft.
export function noticeOfVersion(versionId: string, db: Db = getDatabase()): { number: number; body: string; text: string; billId: string; consultationId: string | null } | null {
  return (
    db
      .select({ number: promulgations.number, body: promulgations.body, text: promulgations.noticeText, billId: promulgations.billId, consultationId: promulgations.consultationId })
      .from(promulgations)
      .where(eq(promulgations.versionId, versionId))
      .get() ?? null
  );
}
