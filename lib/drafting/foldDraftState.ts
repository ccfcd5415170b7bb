import * as Y from 'yjs';
import type { NewDraftEditSpan } from '@/db/schema';
import { decodeEditSpans } from './decodeEditSpans';
import type { DraftState } from './loadDraftState';

/// Who appended an update row, and when.
export type UpdateAuthor = { id: number; userId: string | null; createdAt: Date };

/// What a compaction writes, worked out from a draft's stored state (the same on both engines):
/// the snapshot that merges the old one with every update after it, and who made which Yjs items
/// (`draft_edit_spans`, one per inserted run or deleted range of each update, with its author and
/// time; `now` for a row whose author is unknown). A row that does not decode contributed nothing
/// to the document (loading skips it) and gives no spans. Null when there is nothing to merge.
export function foldDraftState(draftId: string, state: DraftState, authors: UpdateAuthor[], now: Date): { snapshot: Uint8Array; spans: NewDraftEditSpan[] } | null {
  if (state.updates.length === 0) return null;
  const parts = state.snapshot ? [state.snapshot, ...state.updates.map((u) => u.update)] : state.updates.map((u) => u.update);
  const snapshot = Y.mergeUpdates(parts);
  const authorOf = new Map(authors.map((a) => [a.id, a]));
  const spans: NewDraftEditSpan[] = [];
  for (const u of state.updates) {
    const author = authorOf.get(u.id);
    let decoded: ReturnType<typeof decodeEditSpans> = [];
    try {
      decoded = decodeEditSpans(u.update);
    } catch {
      // Contributed nothing to the document.
    }
    for (const s of decoded) spans.push({ draftId, updateId: u.id, userId: author?.userId ?? null, createdAt: author?.createdAt ?? now, ...s });
  }
  return { snapshot, spans };
}
