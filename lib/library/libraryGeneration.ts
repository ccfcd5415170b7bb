import { eq, sql } from 'drizzle-orm';
import { libraryGeneration } from '@/db/schema';
import type { Db } from '@/db/client';
import type { Engine } from '@/db/engine';

/// Counts one more change to the published library, inside the transaction that makes it (`tx`
/// of withTransaction, either engine): every cached public page made at an earlier count is stale
/// from the commit on, in every process.
export async function bumpLibraryGenerationOn({ db, t }: Engine): Promise<void> {
  await db.update(t.libraryGeneration).set({ generation: sql`${t.libraryGeneration.generation} + 1` }).where(eq(t.libraryGeneration.id, 1));
}

/// The library's change count now.
export function readLibraryGeneration(db: Pick<Db, 'select'>): number {
  return db.select({ g: libraryGeneration.generation }).from(libraryGeneration).where(eq(libraryGeneration.id, 1)).get()?.g ?? 0;
}
