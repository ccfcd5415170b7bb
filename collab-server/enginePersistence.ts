import type { Engine } from '@/db/engine';
import { compactDraft, readDraftState, storeDraftUpdate } from '@/lib/drafting';
import { applyDraftState, type CollabPersistence } from './sqlitePersistence';

/// Persistence on either engine (PostgreSQL, or SQLite through the same awaited code): the
/// rows of `draft_updates` and the snapshot in `drafts`, as sqlitePersistence keeps them. Every
/// answer comes later, so the shared draft queues a draft's updates behind each store.
export function enginePersistence(engine: Engine, log: (message: string) => void = console.error): CollabPersistence {
  return {
    async loadDocument(draftId, doc) {
      const state = await readDraftState(engine, draftId);
      if (!state) return { found: false, pendingRows: 0 };
      applyDraftState(doc, draftId, state, log);
      return { found: true, pendingRows: state.updates.length };
    },
    async storeUpdate(draftId, update, userId) {
      await storeDraftUpdate(engine, { draftId, update, userId });
    },
    compact: (draftId) => compactDraft(engine, draftId),
  };
}
