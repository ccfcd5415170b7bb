import { eq, max } from 'drizzle-orm';
import { draftUpdates, drafts } from '@/db/schema';
import type { Db } from '@/db/client';

/// Where the draft's text stands: the id of the last update written to it (updates are numbered
/// across all drafts in the order they were stored). A sign-off recorded at one mark holds only
/// while the mark is unchanged, i.e. while nobody has typed in the text since.
export function draftTextMark(db: Pick<Db, 'select'>, draftId: string): number {
  const last = db.select({ id: max(draftUpdates.id) }).from(draftUpdates).where(eq(draftUpdates.draftId, draftId)).get()?.id ?? 0;
  const compacted = db.select({ id: drafts.snapshotUpdateId }).from(drafts).where(eq(drafts.id, draftId)).get()?.id ?? 0;
  return Math.max(last, compacted);
}
