import { eq } from 'drizzle-orm';
import { searchVersions } from '@/db/schema';
import type { Db } from '@/db/client';

/// The versions of a regulation whose articles are in the index now (normally one).
export function indexedVersionsOf(db: Db, regulationId: string): string[] {
  return db.select({ id: searchVersions.versionId }).from(searchVersions).where(eq(searchVersions.regulationId, regulationId)).all().map((r) => r.id);
}
