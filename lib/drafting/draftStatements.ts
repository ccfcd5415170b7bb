import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type * as schema from '@/db/schema';
import type { DraftState } from './loadDraftState';
import type { foldDraftState } from './foldDraftState';

// The statements that read and compact a draft's stored state, built once for both ways of
// running them: synchronously on SQLite (`.get()`, `.all()`, `.run()`, loadDraftState and
// compactDraftUpdates) and awaited on either engine (draftStore.ts).

type Tables = Pick<typeof schema, 'drafts' | 'draftUpdates' | 'draftEditSpans'>;
type Reader = Pick<Db, 'select'>;
type Writer = Pick<Db, 'insert' | 'update' | 'delete'>;

/// The draft's snapshot and the id of the last update folded into it.
export const selectDraftHead = (db: Reader, t: Tables, draftId: string) =>
  db.select({ snapshot: t.drafts.snapshot, snapshotUpdateId: t.drafts.snapshotUpdateId }).from(t.drafts).where(eq(t.drafts.id, draftId));

/// The update rows not yet folded into the snapshot, in id order. Not "after the snapshot's id":
/// on PostgreSQL an id is taken when a row is inserted but seen when it commits, so a row can
/// commit after a compaction that folded rows with higher ids; it stays, and is read, until a
/// compaction folds it (each deletes exactly the rows it read).
export const selectRemainingUpdates = (db: Reader, t: Tables, draftId: string) =>
  db.select({ id: t.draftUpdates.id, update: t.draftUpdates.update }).from(t.draftUpdates).where(eq(t.draftUpdates.draftId, draftId)).orderBy(asc(t.draftUpdates.id));

/// Who appended the update rows `ids` (a chunk of them), and when.
export const selectUpdateAuthors = (db: Reader, t: Tables, ids: number[]) =>
  db.select({ id: t.draftUpdates.id, userId: t.draftUpdates.userId, createdAt: t.draftUpdates.createdAt }).from(t.draftUpdates).where(inArray(t.draftUpdates.id, ids));

/// `items` in chunks of 500: SQLite caps the parameters a statement binds.
export function chunksOf<T>(items: T[], size = 500): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/// The stored state from the head and the rows after it.
export function draftStateOf(head: { snapshot: Buffer | null; snapshotUpdateId: number }, rows: { id: number; update: Buffer }[]): DraftState {
  return {
    snapshot: head.snapshot && head.snapshot.length > 0 ? new Uint8Array(head.snapshot) : null,
    updates: rows.map((u) => ({ id: u.id, update: new Uint8Array(u.update) })),
    // Never below the snapshot's: a row committed late can have a lower id. (A loop, not a
    // spread: a draft may hold more rows than a call takes arguments.)
    lastUpdateId: rows.reduce((last, r) => Math.max(last, r.id), head.snapshotUpdateId),
  };
}

/// The writes of one compaction, in order: the edit spans, the new snapshot (with the id of the
/// last update it folds in), and the deletion of exactly the rows it folded in.
export function compactionWrites(db: Writer, t: Tables, draftId: string, state: DraftState, fold: NonNullable<ReturnType<typeof foldDraftState>>, now: Date) {
  const { snapshot, spans } = fold;
  return {
    snapshotBytes: snapshot.byteLength,
    spans: chunksOf(spans).map((chunk) => db.insert(t.draftEditSpans).values(chunk)),
    snapshot: db
      .update(t.drafts)
      .set({ snapshot: Buffer.from(snapshot.buffer, snapshot.byteOffset, snapshot.byteLength), snapshotUpdateId: state.lastUpdateId, updatedAt: now })
      .where(eq(t.drafts.id, draftId)),
    folded: chunksOf(state.updates.map((u) => u.id)).map((ids) => db.delete(t.draftUpdates).where(and(eq(t.draftUpdates.draftId, draftId), inArray(t.draftUpdates.id, ids)))),
  };
}
