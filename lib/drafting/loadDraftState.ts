import { and, asc, eq, gt } from 'drizzle-orm';
import { draftUpdates, drafts } from '@/db/schema';
import type { Db } from '@/db/client';

/// The stored state of a draft: its compacted snapshot and the updates appended after it.
export type DraftState = {
  snapshot: Uint8Array | null;
  updates: { id: number; update: Uint8Array }[];
  /// The id of the last update included (the snapshot's own id when there are none).
  lastUpdateId: number;
};

/// The database or a transaction on it (compaction reads the state inside its own transaction).
export type DraftStore = Pick<Db, 'select' | 'transaction'>;

/// Reads everything needed to rebuild a draft's Yjs document, in one read transaction so that a
/// compaction running in another process cannot make the snapshot and the updates disagree.
/// Null when the draft does not exist.
export function loadDraftState(db: DraftStore, draftId: string): DraftState | null {
  return db.transaction((tx) => {
    const draft = tx
      .select({ snapshot: drafts.snapshot, snapshotUpdateId: drafts.snapshotUpdateId })
      .from(drafts)
      .where(eq(drafts.id, draftId))
      .get();
    if (!draft) return null;
    const updates = tx
      .select({ id: draftUpdates.id, update: draftUpdates.update })
      .from(draftUpdates)
      .where(and(eq(draftUpdates.draftId, draftId), gt(draftUpdates.id, draft.snapshotUpdateId)))
      .orderBy(asc(draftUpdates.id))
      .all();
    return {
      snapshot: draft.snapshot && draft.snapshot.length > 0 ? new Uint8Array(draft.snapshot) : null,
      updates: updates.map((u) => ({ id: u.id, update: new Uint8Array(u.update) })),
      lastUpdateId: updates.length ? updates[updates.length - 1].id : draft.snapshotUpdateId,
    };
  });
}
