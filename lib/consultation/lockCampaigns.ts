import { sql, type SQL } from 'drizzle-orm';
import { executeOnPostgres, type Engine } from '@/db/engine';

/// The PostgreSQL expression that takes the transaction-scoped advisory lock on a consultation's
/// campaign groups, for a statement that takes other locks after it (comment intake).
export function campaignsLock(consultationId: string, mode: 'shared' | 'exclusive'): SQL {
  const key = `consultation-campaigns:${consultationId}`;
  return mode === 'shared' ? sql`pg_advisory_xact_lock_shared(hashtextextended(${key}, 0))` : sql`pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
}

/// On PostgreSQL, takes the transaction-scoped advisory lock on a consultation's campaign groups:
/// `shared` for a comment joining a group as it arrives (comments do not wait for each other),
/// `exclusive` for `groupCampaigns` regrouping them all, so that no comment joins a group through
/// a copy whose group is being changed under it. Nothing to do on SQLite, whose single writer
/// already runs them one at a time. Take it before any other lock of comment intake.
export async function lockCampaigns(tx: Engine, consultationId: string, mode: 'shared' | 'exclusive'): Promise<void> {
  if (tx.kind !== 'postgres') return;
  await executeOnPostgres(tx, sql`select ${campaignsLock(consultationId, mode)}`);
}
