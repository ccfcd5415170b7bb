import type { Engine } from '@/db/engine';
import { readAuditRows } from './readAuditRows';
import { auditChainWalk, type AuditChainReport, type ExpectedAuditEntry } from './verifyAuditRows';

/// Walks the whole audit log of either engine in seq order and checks it by the rules of
/// verifyAuditRows (see there): what verifyAuditChain does on SQLite, for an `Engine`. The rows
/// are read `pageSize` at a time, so the log is never held whole. Entries appended while it
/// reads are checked too: appends only ever add entries after the newest.
export async function verifyAuditChainOn(engine: Engine, options: { expect?: ExpectedAuditEntry; pageSize?: number } = {}): Promise<AuditChainReport> {
  const pageSize = options.pageSize ?? 2000;
  const walk = auditChainWalk(options);
  for (let after = 0; ; ) {
    const page = await readAuditRows(engine, after, pageSize);
    for (const row of page) {
      const bad = walk.step(row);
      if (bad) return bad;
    }
    if (page.length < pageSize) return walk.end();
    after = page[page.length - 1].seq;
  }
}
