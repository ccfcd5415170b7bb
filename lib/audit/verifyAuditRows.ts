import { genesisHash, hashAuditEntry, type AuditEntryFields } from './auditHash';

/// Why an entry does not verify: its hash is not the hash of its contents; it does not link to
/// the entry before it; the seq before it is missing; it was never sealed; or (with `expect`) the
/// entry someone kept is gone or has another hash.
export type AuditChainProblem = 'hash_mismatch' | 'broken_link' | 'gap' | 'unsealed' | 'expected_entry_missing' | 'expected_entry_differs';

/// The outcome of walking the chain: its length and head, or the first entry that fails and how
/// many entries verified before it.
export type AuditChainReport =
  | { ok: true; count: number; head: { seq: number; hash: string; at: Date | null } }
  | { ok: false; count: number; firstBad: { seq: number; problem: AuditChainProblem } };

/// One stored entry as the chain check reads it, on either engine: the stored values, with
/// `detailText` the exact text of the `detail` column (never a re-encoding of it).
export type AuditRow = Omit<AuditEntryFields, 'prevHash'> & { prevHash: string | null; hash: string | null };

/// What a head kept earlier says: the entry `seq` had hash `hash`.
export type ExpectedAuditEntry = { seq: number; hash: string };

/// A walk along the chain fed one row at a time, in seq order: `step` answers the failing report
/// at the first row that does not verify (stop there), `end` the report once the rows ran out.
/// The rules are those of verifyAuditRows; the walk exists so that a reader can feed it rows a
/// page at a time, from either engine, without holding the whole log.
export function auditChainWalk(options: { expect?: ExpectedAuditEntry } = {}): { step(row: AuditRow): AuditChainReport | null; end(): AuditChainReport } {
  const expect = options.expect ? { seq: options.expect.seq, hash: options.expect.hash.toLowerCase() } : undefined;
  let count = 0;
  let prev = { seq: 0, hash: genesisHash, atMs: null as number | null };
  let expectSeen = expect?.seq === 0;
  const genesisDiffers: AuditChainReport | null = expect?.seq === 0 && expect.hash !== genesisHash ? { ok: false, count: 0, firstBad: { seq: 0, problem: 'expected_entry_differs' } } : null;
  return {
    step(row) {
      if (genesisDiffers) return genesisDiffers;
      const { seq, atMs, actorId, action, targetType, targetId, detailText, prevHash, hash } = row;
      const problem: AuditChainProblem | null =
        hash === null
          ? 'unsealed'
          : seq !== prev.seq + 1
            ? 'gap'
            : prevHash !== prev.hash
              ? 'broken_link'
              : hashAuditEntry({ seq, atMs, actorId, action, targetType, targetId, detailText, prevHash }) !== hash
                ? 'hash_mismatch'
                : expect?.seq === seq && expect.hash !== hash
                  ? 'expected_entry_differs'
                  : null;
      if (problem) return { ok: false, count, firstBad: { seq, problem } };
      if (expect?.seq === seq) expectSeen = true;
      count++;
      prev = { seq, hash: hash!, atMs };
      return null;
    },
    end() {
      if (genesisDiffers) return genesisDiffers;
      if (expect && !expectSeen) return { ok: false, count, firstBad: { seq: expect.seq, problem: 'expected_entry_missing' } };
      return { ok: true, count, head: { seq: prev.seq, hash: prev.hash, at: prev.atMs === null ? null : new Date(prev.atMs) } };
    },
  };
}

/// Checks stored entries given in seq order, recomputing every hash and every link, and stops at
/// the first entry that does not verify. Seqs run 1, 2, 3 … with no gap, the first entry links
/// to the genesis hash (64 zeros). With `expect` (a head someone kept earlier, perhaps from the
/// transparency page) it also fails when that entry is no longer there or has another hash —
/// which catches a history rewritten from that point on and re-hashed to be consistent again.
/// The seq 0 head of an empty log, with the genesis hash, is always there. Pure: the SQLite
/// check (verifyAuditChain) and the one for either engine (verifyAuditChainOn) read the rows.
export function verifyAuditRows(rows: Iterable<AuditRow>, options: { expect?: ExpectedAuditEntry } = {}): AuditChainReport {
  const walk = auditChainWalk(options);
  // Returning from inside for…of closes the iterator, which frees a statement still reading.
  for (const row of rows) {
    const bad = walk.step(row);
    if (bad) return bad;
  }
  return walk.end();
}
