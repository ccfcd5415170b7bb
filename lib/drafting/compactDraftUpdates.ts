import * as schema from '@/db/schema';
import type { Db } from '@/db/client';
import { foldDraftState } from './foldDraftState';
import { chunksOf, compactionWrites, selectUpdateAuthors } from './draftStatements';
import { loadDraftState } from './loadDraftState';

/// Folds a draft's appended updates into its snapshot: in one immediate transaction it merges
/// snapshot + updates with `Y.mergeUpdates`, stores the result with the id of the last update
/// merged, keeps who made which Yjs items (`draft_edit_spans`, one row per inserted run or deleted
/// range of each update, with its author and time) and deletes the merged rows. The document it
/// describes does not change; updates appended meanwhile (by another process) keep their rows.
/// Returns how many rows were merged.
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
      const authors = chunksOf(state.updates.map((u) => u.id)).flatMap((ids) => selectUpdateAuthors(tx, schema, ids).all());
      const writes = compactionWrites(tx, schema, draftId, state, foldDraftState(draftId, state, authors, now)!, now);
      for (const spans of writes.spans) spans.run();
      writes.snapshot.run();
      for (const rows of writes.folded) rows.run();
      const snapshotBytes = writes.snapshotBytes;
      return { merged: state.updates.length, lastUpdateId: state.lastUpdateId, snapshotBytes };
    },
    { behavior: 'immediate' },
  );
}
