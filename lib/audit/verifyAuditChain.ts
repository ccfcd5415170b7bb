import { getDatabase, type Db } from '@/db/client';
import { genesisHash, hashAuditEntry } from './auditHash';

/// Why an entry does not verify: its hash is not the hash of its contents; it does not link to
/// the entry before it; the seq before it is missing; it was never sealed; or (with `expect`) the
/// entry someone kept is gone or has another hash.
export type AuditChainProblem = 'hash_mismatch' | 'broken_link' | 'gap' | 'unsealed' | 'expected_entry_missing' | 'expected_entry_differs';

/// The outcome of walking the chain: its length and head, or the first entry that fails and how
/// many entries verified before it.
export type AuditChainReport =
  | { ok: true; count: number; head: { seq: number; hash: string; at: Date | null } }
  | { ok: false; count: number; firstBad: { seq: number; problem: AuditChainProblem } };

type Row = [id: number, at: number, actorId: string | null, action: string, targetType: string, targetId: string, detail: string | null, prevHash: string | null, hash: string | null];

/// Walks the whole audit log in seq order, recomputing every hash and every link, and stops at
/// the first entry that does not verify. Seqs run 1, 2, 3 … with no gap, the first entry links
/// to the genesis hash (64 zeros). With `expect` (a head someone kept earlier, perhaps from the
/// transparency page) it also fails when that entry is no longer there or has another hash —
/// which catches a history rewritten from that point on and re-hashed to be consistent again.
/// The seq 0 head of an empty log, with the genesis hash, is always there.
export function verifyAuditChain(options: { expect?: { seq: number; hash: string } } = {}, db: Pick<Db, '$client'> = getDatabase()): AuditChainReport {
  const expect = options.expect ? { seq: options.expect.seq, hash: options.expect.hash.toLowerCase() } : undefined;
  const rows = db.$client.prepare('SELECT id, at, actor_id, action, target_type, target_id, detail, prev_hash, hash FROM audit_events ORDER BY id').raw(true);
  let count = 0;
  let prev = { seq: 0, hash: genesisHash, at: null as number | null };
  let expectSeen = expect?.seq === 0;
  if (expect?.seq === 0 && expect.hash !== genesisHash) return { ok: false, count: 0, firstBad: { seq: 0, problem: 'expected_entry_differs' } };
  for (const row of rows.iterate() as IterableIterator<Row>) {
    const [seq, atMs, actorId, action, targetType, targetId, detailText, prevHash, hash] = row;
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
    // Returning from inside for…of closes the iterator, which frees the connection again.
    if (problem) return { ok: false, count, firstBad: { seq, problem } };
    if (expect?.seq === seq) expectSeen = true;
    count++;
    prev = { seq, hash: hash!, at: atMs };
  }
  if (expect && !expectSeen) return { ok: false, count, firstBad: { seq: expect.seq, problem: 'expected_entry_missing' } };
  return { ok: true, count, head: { seq: prev.seq, hash: prev.hash, at: prev.at === null ? null : new Date(prev.at) } };
}
