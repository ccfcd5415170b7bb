import { sql } from 'drizzle-orm';
import { draftUpdates } from '@/db/schema';
import type { Db } from '@/db/client';

function prepareInsert(db: Db) {
  return db
    .insert(draftUpdates)
    .values({
      draftId: sql.placeholder('draftId'),
      update: sql.placeholder('update'),
      userId: sql.placeholder('userId'),
      createdAt: sql.placeholder('createdAt'),
    })
    .returning({ id: draftUpdates.id })
    .prepare();
}

// One prepared statement per connection: this runs for every keystroke of every editor.
const statements = new WeakMap<Db, ReturnType<typeof prepareInsert>>();

/// Appends one accepted Yjs update of a draft to `draft_updates` and returns its row id. It is
/// synchronous (better-sqlite3, WAL): when it returns, the update survives the process being
/// killed, so the caller may apply and relay it.
export function appendDraftUpdate(
  db: Db,
  input: { draftId: string; update: Uint8Array; userId: string | null },
  now: Date = new Date(),
): number {
  let insert = statements.get(db);
  if (!insert) statements.set(db, (insert = prepareInsert(db)));
  const update = Buffer.from(input.update.buffer, input.update.byteOffset, input.update.byteLength);
  const row = insert.get({ draftId: input.draftId, update, userId: input.userId, createdAt: now });
  if (!row) throw new Error('draft update was not stored');
  return row.id;
}
