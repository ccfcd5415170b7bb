import * as Y from 'yjs';
import { and, eq, lte } from 'drizzle-orm';
import { draftUpdates, drafts } from '@/db/schema';
import type { Db } from '@/db/client';
import { loadDraftState } from './loadDraftState';

/// Folds a draft's appended updates into its snapshot: in one immediate transaction it merges
/// snapshot + updates with `Y.mergeUpdates`, stores the result with the id of the last update
/// merged, and deletes the merged rows. The document it describes does not change; updates
/// appended meanwhile (by another process) keep their rows. Returns how many rows were merged.
export function compactDraftUpdates(
  db: Db,
  draftId: string,
  now: Date = new Date(),
): { merged: number; lastUpdateId: number; snapshotBytes: number } {
  return db.transaction(
    (tx) => {
      const state = loadDraftState(tx, draftId);
      if (!state || state.updates.length === 0) {
        return { merged: 0, lastUpdateId: state?.lastUpdateId ?? 0, snapshotBytes: state?.snapshot?.byteLength ?? 0 };
      }
      const parts = state.snapshot ? [state.snapshot, ...state.updates.map((u) => u.update)] : state.updates.map((u) => u.update);
      const snapshot = Y.mergeUpdates(parts);
      tx.update(drafts)
        .set({ snapshot: Buffer.from(snapshot.buffer, snapshot.byteOffset, snapshot.byteLength), snapshotUpdateId: state.lastUpdateId, updatedAt: now })
        .where(eq(drafts.id, draftId))
        .run();
      tx.delete(draftUpdates)
        .where(and(eq(draftUpdates.draftId, draftId), lte(draftUpdates.id, state.lastUpdateId)))
        .run();
      return { merged: state.updates.length, lastUpdateId: state.lastUpdateId, snapshotBytes: snapshot.byteLength };
    },
    { behavior: 'immediate' },
  );
}
