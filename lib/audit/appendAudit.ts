import { desc, sql } from 'drizzle-orm';
import { executeOnPostgres, type Engine } from '@/db/engine';
import { isTransaction, withTransaction } from '@/db/withTransaction';
import { AppError } from '@/lib/errors';
import { genesisHash, hashAuditEntry, nextAuditEntry } from './auditHash';
import type { AuditEventInput } from './recordAudit';

/// The advisory lock that serialises appends on PostgreSQL: one key for the whole chain ("lbaudit!"
/// in ASCII), apart from the migrations' key.
const auditChainLock = 0x6c62617564697421n.toString();

/// Appends one entry to the audit chain on either engine: recordAudit for an `Engine`. Call it
/// with the `tx` of the withTransaction that makes the change it records, so that both commit or
/// neither does; given an engine outside a transaction it opens one of its own.
///
/// The entry is the one recordAudit would write: the next seq (the newest id + 1), linked to the
/// newest entry's hash, hashed over its canonical encoding (auditHash.ts), `detail` stored as
/// canonical JSON, byte for byte the text hashed (`json`, not `jsonb`, on PostgreSQL keeps it).
/// Appends never fork the chain:
/// - on SQLite the transaction holds the write lock from `BEGIN IMMEDIATE`;
/// - on PostgreSQL, transactions run side by side and would each read the same newest entry, so
///   each append first takes a transaction-scoped advisory lock on one key: the next waits until
///   the one holding it commits, and then reads its entries. The primary key refuses a second
///   entry with the same seq even so.
///
/// Rows that an old SQLite database kept from before the chain existed (hash NULL, migration
/// 0009) are sealed by recordAudit only; appendAudit refuses to append after one rather than
/// port that path, which no PostgreSQL database needs.
export async function appendAudit(tx: Engine, event: AuditEventInput, now: Date = new Date()): Promise<void> {
  if (!isTransaction(tx)) return withTransaction(tx, (inner) => appendAudit(inner, event, now));
  const { db, t } = tx;
  if (tx.kind === 'postgres') {
    // Raw SQL: drizzle has no builder for it. Held until this transaction ends.
    await executeOnPostgres(tx, sql`select pg_advisory_xact_lock(${auditChainLock}::bigint)`);
  }
  const [last] = await db.select({ id: t.auditEvents.id, hash: t.auditEvents.hash }).from(t.auditEvents).orderBy(desc(t.auditEvents.id)).limit(1);
  if (last && last.hash === null) {
    throw new AppError('internal', `The audit log ends in entries written before the hash chain existed (seq ${last.id} has no hash). appendAudit does not seal them: recordAudit on SQLite does, once, on its next append.`);
  }
  const prev = last ? { seq: last.id, hash: last.hash! } : { seq: 0, hash: genesisHash };
  const f = nextAuditEntry(prev, event, now);
  await db.insert(t.auditEvents).values({
    id: f.seq,
    at: new Date(f.atMs),
    actorId: f.actorId,
    action: f.action,
    targetType: f.targetType,
    targetId: f.targetId,
    // The text itself, bound as it is: drizzle's JSON columns would encode the object again.
    detail: f.detailText === null ? null : sql`${f.detailText}`,
    prevHash: f.prevHash,
    hash: hashAuditEntry(f),
  });
}
