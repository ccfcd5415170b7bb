import type Database from 'better-sqlite3';
import type { Db } from '@/db/client';
import { AppError } from '@/lib/errors';

/// What a caller of the audit functions may hold: the database or a transaction opened on it.
/// Drizzle's transaction object has no public handle on the connection; on better-sqlite3 it
/// keeps it as `session.client`, which is what we read (and `$client` on the database itself).
export type AuditHandle = Pick<Db, 'insert'>;

/// The better-sqlite3 connection under a drizzle database or transaction, so that the audit
/// log can run its own prepared statements inside the caller's transaction.
export function sqliteClientOf(handle: AuditHandle): Database.Database {
  const h = handle as { $client?: Database.Database; session?: { client?: Database.Database } };
  const client = h.$client ?? h.session?.client;
  if (!client || typeof client.prepare !== 'function') throw new AppError('internal', 'audit_handle_without_sqlite_client');
  return client;
}
