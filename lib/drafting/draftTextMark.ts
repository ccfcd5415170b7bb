import { eq, max } from 'drizzle-orm';
import type { Engine } from '@/db/engine';

/// Where the draft's text stands: the id of the last update written to it (updates are numbered
/// across all drafts in the order they were stored). A sign-off recorded at one mark holds only
/// while the mark is unchanged, i.e. while nobody has typed in the text since. Either engine.
export async function draftTextMark({ db, t }: Engine, draftId: string): Promise<number> {
  const [last] = await db.select({ id: max(t.draftUpdates.id) }).from(t.draftUpdates).where(eq(t.draftUpdates.draftId, draftId));
  const [compacted] = await db.select({ id: t.drafts.snapshotUpdateId }).from(t.drafts).where(eq(t.drafts.id, draftId));
  return Math.max(Number(last?.id ?? 0), compacted?.id ?? 0);
}
