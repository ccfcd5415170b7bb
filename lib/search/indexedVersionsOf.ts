import { eq } from 'drizzle-orm';
import type { Engine } from '@/db/engine';

/// The versions of a regulation whose articles are in the index now (normally one).
export async function indexedVersionsOf({ db, t }: Engine, regulationId: string): Promise<string[]> {
  const rows = await db.select({ id: t.searchVersions.versionId }).from(t.searchVersions).where(eq(t.searchVersions.regulationId, regulationId));
  return rows.map((r) => r.id);
}
