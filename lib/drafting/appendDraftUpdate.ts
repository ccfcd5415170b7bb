import type Database from 'better-sqlite3';
import type { Db } from '@/db/client';

// Raw better-sqlite3, prepared once per connection: this runs for every keystroke of every
// editor, and drizzle's placeholder mapping cost ~20 µs of the ~45 µs insert (measured).
const statements = new WeakMap<Database.Database, Database.Statement>();

/// Appends one accepted Yjs update of a draft to `draft_updates` and returns its row id. It is
/// synchronous (better-sqlite3, WAL): when it returns, the update survives the process being
/// killed, so the caller may apply and relay it.
export function appendDraftUpdate(
  db: Db,
  input: { draftId: string; update: Uint8Array; userId: string | null },
  now: Date = new Date(),
): number {
  const sqlite = db.$client;
  let insert = statements.get(sqlite);
  if (!insert) {
    insert = sqlite.prepare('insert into draft_updates (draft_id, "update", user_id, created_at) values (?, ?, ?, ?)');
    statements.set(sqlite, insert);
  }
  const update = Buffer.from(input.update.buffer, input.update.byteOffset, input.update.byteLength);
  return Number(insert.run(input.draftId, update, input.userId, now.getTime()).lastInsertRowid);
}
