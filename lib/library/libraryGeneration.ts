import { eq, sql } from 'drizzle-orm';
import type { Engine } from '@/db/engine';

/// Counts one more change to the published library, inside the transaction that makes it (`tx`
/// of withTransaction, either engine): every cached public page made at an earlier count is stale
/// from the commit on, in every process.
export async function bumpLibraryGenerationOn({ db, t }: Engine): Promise<void> {
  await db.update(t.libraryGeneration).set({ generation: sql`${t.libraryGeneration.generation} + 1` }).where(eq(t.libraryGeneration.id, 1));
}

/// The library's change count now (a one-row primary-key read), on either engine.
export async function readLibraryGeneration({ db, t }: Engine): Promise<number> {
  const [row] = await db.select({ g: t.libraryGeneration.generation }).from(t.libraryGeneration).where(eq(t.libraryGeneration.id, 1));
  return row?.g ?? 0;
}
