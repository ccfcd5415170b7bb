import * as Y from 'yjs';
import { getDatabase, type Db } from '@/db/client';
import { loadDraftState } from './loadDraftState';

/// The current content of a draft as one Yjs update (snapshot merged with every update the
/// collaboration server has accepted so far), for the web app to read: apply it to a fresh
/// `Y.Doc` and read the `'prosemirror'` fragment. Null when the draft does not exist.
export function readDraftDoc(draftId: string, db: Db = getDatabase()): Uint8Array | null {
  const state = loadDraftState(db, draftId);
  if (!state) return null;
  const parts = [...(state.snapshot ? [state.snapshot] : []), ...state.updates.map((u) => u.update)];
  if (parts.length === 0) return Y.encodeStateAsUpdate(new Y.Doc());
  return parts.length === 1 ? parts[0] : Y.mergeUpdates(parts);
}
