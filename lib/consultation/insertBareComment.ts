import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { getDatabase, type Db } from '@/db/client';

const statements = new WeakMap<Database.Database, Database.Statement>();

/// The benchmark's ceiling, not a product path: inserts one comment row with no session, rate
/// limit, eid check or grouping, so that `npm run bench -- comments` can show what the real
/// intake costs beside the least a route with one insert can do.
export function insertBareComment(consultationId: string, body: string, db: Db = getDatabase()): string {
  const sqlite = db.$client;
  let insert = statements.get(sqlite);
  if (!insert) {
    insert = sqlite.prepare(
      "insert into consultation_comments (id, consultation_id, reference, body, status, body_key, created_at) values (?, ?, ?, ?, 'pending', '', ?)",
    );
    statements.set(sqlite, insert);
  }
  const id = randomUUID();
  insert.run(id, consultationId, `BENCH-${id}`, body, Date.now());
  return id;
}
