import { eq } from 'drizzle-orm';
import { promulgations } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';

/// The 公告 a version was promulgated with, when it was published here (null for an imported text).
export function noticeOfVersion(versionId: string, db: Db = getDatabase()): { number: number; body: string; text: string } | null {
  return db.select({ number: promulgations.number, body: promulgations.body, text: promulgations.noticeText }).from(promulgations).where(eq(promulgations.versionId, versionId)).get() ?? null;
}
