import { sql } from 'drizzle-orm';
import { executeOnPostgres, lockRow, type Engine } from '@/db/engine';
import { withTransaction } from '@/db/withTransaction';
import { chunksOf, compactionWrites, draftStateOf, selectDraftHead, selectRemainingUpdates, selectUpdateAuthors } from './draftStatements';
import { foldDraftState } from './foldDraftState';
import type { DraftState } from './loadDraftState';

// A draft's stored Yjs state on either engine, for the collaboration server: the awaited forms
// of loadDraftState, appendDraftUpdate and compactDraftUpdates (which stay, synchronous, for the
// SQLite-only domains until they are converted; docs/postgres.md). Same statements, same rows.

/// Everything needed to rebuild a draft's document, read as of one moment: on PostgreSQL in a
/// repeatable-read transaction, so that a compaction committing between the two reads cannot make
/// the snapshot and the updates disagree (on SQLite the transaction alone does that). Null when
/// the draft does not exist.
export function readDraftState(engine: Engine, draftId: string): Promise<DraftState | null> {
  return withTransaction(engine, async (tx) => {
    if (tx.kind === 'postgres') await executeOnPostgres(tx, sql`set transaction isolation level repeatable read`);
    const [head] = await selectDraftHead(tx.db, tx.t, draftId);
    return head ? draftStateOf(head, await selectRemainingUpdates(tx.db, tx.t, draftId)) : null;
  });
}

/// A draft's stored state, read inside the caller's transaction (`tx` of withTransaction) after
/// locking the draft against compaction: on PostgreSQL the draft's row `for update`, on SQLite the
/// write lock the transaction holds already. So the snapshot and the rows read belong together,
/// and no compactor folds them away before the transaction ends. Null when the draft does not exist.
export async function lockDraftState(tx: Engine, draftId: string): Promise<DraftState | null> {
  await lockRow(tx, tx.t.drafts, draftId);
  const [head] = await selectDraftHead(tx.db, tx.t, draftId);
  return head ? draftStateOf(head, await selectRemainingUpdates(tx.db, tx.t, draftId)) : null;
}

/// Appends one accepted update of a draft and returns its row id; durable once it resolves.
export async function storeDraftUpdate(engine: Engine, input: { draftId: string; update: Uint8Array; userId: string | null }, now: Date = new Date()): Promise<number> {
  const update = Buffer.from(input.update.buffer, input.update.byteOffset, input.update.byteLength);
  const [row] = await engine.db.insert(engine.t.draftUpdates).values({ draftId: input.draftId, update, userId: input.userId, createdAt: now }).returning({ id: engine.t.draftUpdates.id });
  return row.id;
}

/// Folds a draft's appended updates into its snapshot, in one transaction, as
/// compactDraftUpdates does. One compactor per draft at a time: on PostgreSQL the transaction
/// first locks the draft's row (`for update`), so a second compactor, in this process or
/// another, waits and then finds only what was appended since; on SQLite the write lock of
/// `BEGIN IMMEDIATE` does the same. Updates appended meanwhile keep their rows.
export function compactDraft(engine: Engine, draftId: string, now: Date = new Date()): Promise<{ merged: number; lastUpdateId: number; snapshotBytes: number }> {
  return withTransaction(engine, async (tx) => {
    const state = await lockDraftState(tx, draftId);
    if (!state) return { merged: 0, lastUpdateId: 0, snapshotBytes: 0 };
    if (state.updates.length === 0) return { merged: 0, lastUpdateId: state.lastUpdateId, snapshotBytes: state.snapshot?.byteLength ?? 0 };
    const authors = [];
    for (const ids of chunksOf(state.updates.map((u) => u.id))) authors.push(...(await selectUpdateAuthors(tx.db, tx.t, ids)));
    const writes = compactionWrites(tx.db, tx.t, draftId, state, foldDraftState(draftId, state, authors, now)!, now);
    for (const spans of writes.spans) await spans;
    await writes.snapshot;
    for (const rows of writes.folded) await rows;
    return { merged: state.updates.length, lastUpdateId: state.lastUpdateId, snapshotBytes: writes.snapshotBytes };
  });
}
