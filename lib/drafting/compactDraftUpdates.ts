import * as Y from 'yjs';
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { draftEditSpans, draftUpdates, drafts, type NewDraftEditSpan } from '@/db/schema';
import type { Db } from '@/db/client';
import { decodeEditSpans } from './decodeEditSpans';
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
      const parts = state.snapshot ? [state.snapshot, ...state.updates.map((u) => u.update)] : state.updates.map((u) => u.update);
      const snapshot = Y.mergeUpdates(parts);
      const authors = tx
        .select({ id: draftUpdates.id, userId: draftUpdates.userId, createdAt: draftUpdates.createdAt })
        .from(draftUpdates)
        .where(and(eq(draftUpdates.draftId, draftId), gte(draftUpdates.id, state.updates[0].id), lte(draftUpdates.id, state.lastUpdateId)))
        .orderBy(asc(draftUpdates.id))
        .all();
      const authorOf = new Map(authors.map((a) => [a.id, a]));
      const spans: NewDraftEditSpan[] = [];
      for (const u of state.updates) {
        const author = authorOf.get(u.id);
        let decoded: ReturnType<typeof decodeEditSpans> = [];
        try {
          decoded = decodeEditSpans(u.update);
        } catch {
          // A row that does not decode contributed nothing to the document (loading skips it).
        }
        for (const s of decoded) spans.push({ draftId, updateId: u.id, userId: author?.userId ?? null, createdAt: author?.createdAt ?? now, ...s });
      }
      // Chunked: SQLite caps the number of bound parameters per statement.
      for (let i = 0; i < spans.length; i += 500) tx.insert(draftEditSpans).values(spans.slice(i, i + 500)).run();
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
