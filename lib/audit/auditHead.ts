import { desc, isNotNull } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import { genesisHash } from './auditHash';

/// The newest sealed entry of the chain: its seq, hash and time. Whoever keeps it can later
/// check that nothing up to it was rewritten (`lawbench audit verify --expect SEQ:HASH`). An
/// empty log answers seq 0 with the genesis hash and no time — the head a first entry links to.
export interface AuditHead {
  seq: number;
  hash: string;
  at: Date | null;
}

/// The current head of the audit chain (see AuditHead), on either engine.
export async function auditHead({ db, t }: Engine): Promise<AuditHead> {
  const a = t.auditEvents;
  const [row] = await db.select({ seq: a.id, hash: a.hash, at: a.at }).from(a).where(isNotNull(a.hash)).orderBy(desc(a.id)).limit(1);
  return row?.hash ? { seq: row.seq, hash: row.hash, at: row.at } : { seq: 0, hash: genesisHash, at: null };
}
