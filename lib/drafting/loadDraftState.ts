import * as schema from '@/db/schema';
import type { Db } from '@/db/client';
import { draftStateOf, selectDraftHead, selectRemainingUpdates } from './draftStatements';

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
    const head = selectDraftHead(tx, schema, draftId).get();
    return head ? draftStateOf(head, selectRemainingUpdates(tx, schema, draftId).all()) : null;
  });
}
