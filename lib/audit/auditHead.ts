import { getDatabase, type Db } from '@/db/client';
import { genesisHash } from './auditHash';

/// The newest sealed entry of the chain: its seq, hash and time. Whoever keeps it can later
/// check that nothing up to it was rewritten (`lawbench audit verify --expect SEQ:HASH`). An
/// empty log answers seq 0 with the genesis hash and no time — the head a first entry links to.
export interface AuditHead {
  seq: number;
  hash: string;
  at: Date | null;
}

/// The current head of the audit chain (see AuditHead).
export function auditHead(db: Db = getDatabase()): AuditHead {
  const row = db.$client.prepare('SELECT id, hash, at FROM audit_events WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string; at: number } | undefined;
  return row ? { seq: row.id, hash: row.hash, at: new Date(row.at) } : { seq: 0, hash: genesisHash, at: null };
}
