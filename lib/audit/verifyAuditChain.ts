import { getDatabase, type Db } from '@/db/client';
import { auditChainWalk, type AuditChainReport, type ExpectedAuditEntry } from './verifyAuditRows';

export type { AuditChainProblem, AuditChainReport } from './verifyAuditRows';

type Row = [id: number, at: number, actorId: string | null, action: string, targetType: string, targetId: string, detail: string | null, prevHash: string | null, hash: string | null];

/// Walks the whole audit log of a SQLite database in seq order, one row at a time, and checks it
/// by the rules of verifyAuditRows (see there). For either engine: verifyAuditChainOn.
export function verifyAuditChain(options: { expect?: ExpectedAuditEntry } = {}, db: Pick<Db, '$client'> = getDatabase()): AuditChainReport {
  const rows = db.$client.prepare('SELECT id, at, actor_id, action, target_type, target_id, detail, prev_hash, hash FROM audit_events ORDER BY id').raw(true);
  const walk = auditChainWalk(options);
  for (const [seq, atMs, actorId, action, targetType, targetId, detailText, prevHash, hash] of rows.iterate() as IterableIterator<Row>) {
    const bad = walk.step({ seq, atMs, actorId, action, targetType, targetId, detailText, prevHash, hash });
    // Returning from inside for…of closes the iterator, which frees the connection again.
    if (bad) return bad;
  }
  return walk.end();
}
