import * as Y from 'yjs';
import { getDatabase, type Db } from '@/db/client';
import { loadDraftState, type DraftState } from './loadDraftState';

/// A draft's stored state as one Yjs update: the snapshot merged with every update not yet folded
/// into it. Null for no state (the draft does not exist).
export function mergedDraftDoc(state: DraftState | null): Uint8Array | null {
  if (!state) return null;
  const parts = [...(state.snapshot ? [state.snapshot] : []), ...state.updates.map((u) => u.update)];
  if (parts.length === 0) return Y.encodeStateAsUpdate(new Y.Doc());
  return parts.length === 1 ? parts[0] : Y.mergeUpdates(parts);
}

/// A draft's stored state applied to a new Yjs document, row by row: a row that cannot be decoded
/// is skipped, as the collaboration server skips it when loading. The caller destroys the document.
export function draftDocOfState(state: DraftState): Y.Doc {
  const doc = new Y.Doc();
  Y.transact(doc, () => {
    for (const part of [...(state.snapshot ? [state.snapshot] : []), ...state.updates.map((u) => u.update)]) {
      try {
        Y.applyUpdate(doc, part);
      } catch {
        // Skipped: nothing of an undecodable row reached any editor.
      }
    }
  });
  return doc;
}

/// The current content of a draft as one Yjs update (snapshot merged with every update the
/// collaboration server has accepted so far): apply it to a fresh `Y.Doc` and read the
/// `'prosemirror'` fragment. Null when the draft does not exist. SQLite only, for seeding and
/// tests; code on an `Engine` uses `mergedDraftDoc(await readDraftState(engine, id))`.
export function readDraftDoc(draftId: string, db: Db = getDatabase()): Uint8Array | null {
  return mergedDraftDoc(loadDraftState(db, draftId));
}
