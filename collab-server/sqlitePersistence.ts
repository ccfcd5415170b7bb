import * as Y from 'yjs';
import type { Db } from '@/db/client';
import { appendDraftUpdate } from '@/lib/drafting';
import { compactDraftUpdates } from '@/lib/drafting';
import { loadDraftState, type DraftState } from '@/lib/drafting';

/// Where the server keeps drafts (Hocuspocus-style onLoadDocument / onStoreUpdate /
/// onStoreDocument). Each may answer at once (SQLite) or return a promise (a database server).
/// An update is durable when `storeUpdate` returns or its promise resolves: until then nothing of
/// it is applied or relayed, and later updates of the draft wait (see `SharedDraft.receiveUpdate`).
export type CollabPersistence = {
  /// Fills `doc` with the stored draft; false when the draft does not exist. Returns how many
  /// update rows were replayed after the snapshot (so compaction can be scheduled).
  loadDocument: (draftId: string, doc: Y.Doc) => LoadedDraft | Promise<LoadedDraft>;
  /// Appends one update; throwing or rejecting refuses it.
  storeUpdate: (draftId: string, update: Uint8Array, userId: string | null) => void | Promise<void>;
  /// Folds appended updates into the snapshot.
  compact: (draftId: string) => unknown;
};

/// What loading a draft found.
export type LoadedDraft = { found: boolean; pendingRows: number };

/// Persistence in the project's SQLite database: `draft_updates` rows appended per update and
/// compacted into `drafts.snapshot`.
export function sqlitePersistence(db: Db, log: (message: string) => void = console.error): CollabPersistence {
  return {
    loadDocument(draftId, doc) {
      const state = loadDraftState(db, draftId);
      if (!state) return { found: false, pendingRows: 0 };
      applyDraftState(doc, draftId, state, log);
      return { found: true, pendingRows: state.updates.length };
    },
    storeUpdate(draftId, update, userId) {
      appendDraftUpdate(db, { draftId, update, userId });
    },
    compact(draftId) {
      compactDraftUpdates(db, draftId);
    },
  };
}

/// Replays a draft's stored state into `doc` in one transaction (origin `load`); a row that
/// cannot be applied is logged and skipped, so one bad row does not make the draft unreadable.
export function applyDraftState(doc: Y.Doc, draftId: string, state: DraftState, log: (message: string) => void): void {
  Y.transact(
    doc,
    () => {
      const parts = [...(state.snapshot ? [{ id: 0, update: state.snapshot }] : []), ...state.updates];
      for (const part of parts) {
        try {
          Y.applyUpdate(doc, part.update, 'load');
        } catch (error) {
          log(`[collab] draft ${draftId}: stored update ${part.id || 'snapshot'} could not be applied: ${String(error)}`);
        }
      }
    },
    'load',
  );
}
