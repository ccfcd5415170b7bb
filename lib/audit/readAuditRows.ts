import { asc, gt, sql } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import type { AuditRow } from './verifyAuditRows';

/// Up to `limit` stored audit entries after seq `afterSeq`, in seq order, as the chain check reads
/// them, on either engine. `detail` is read as its stored text (a cast): drizzle would parse it,
/// and on PostgreSQL node-postgres parses `json` too, while the hash covers the exact text.
export async function readAuditRows({ db, t }: Engine, afterSeq: number, limit: number): Promise<AuditRow[]> {
  const a = t.auditEvents;
  const rows = await db
    .select({
      seq: a.id,
      at: a.at,
      actorId: a.actorId,
      action: a.action,
      targetType: a.targetType,
      targetId: a.targetId,
      detailText: sql<string | null>`cast(${a.detail} as text)`,
      prevHash: a.prevHash,
      hash: a.hash,
    })
    .from(a)
    .where(gt(a.id, afterSeq))
    .orderBy(asc(a.id))
    .limit(limit);
  return rows.map(({ at, ...row }) => ({ ...row, atMs: at.getTime() }));
}
