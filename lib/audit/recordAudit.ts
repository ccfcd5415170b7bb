import type Database from 'better-sqlite3';
import { genesisHash, hashAuditEntry, nextAuditEntry, type AuditEntryFields } from './auditHash';
import { sqliteClientOf, type AuditHandle } from './sqliteClientOf';

/// What a caller says about a change: who did what to which thing, and anything worth keeping.
export interface AuditEventInput {
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  detail?: Record<string, unknown>;
}

type Statements = {
  last: Database.Statement<[], { id: number; hash: string | null }>;
  lastSealed: Database.Statement<[], { id: number; hash: string }>;
  unsealedAfter: Database.Statement<[number], { id: number; at: number; actor_id: string | null; action: string; target_type: string; target_id: string; detail: string | null }>;
  seal: Database.Statement<[string, string, number]>;
  insert: Database.Statement<[number, number, string | null, string, string, string, string | null, string, string]>;
};

// One set of prepared statements per connection: preparing costs more than running them.
const prepared = new WeakMap<Database.Database, Statements>();

function statementsFor(client: Database.Database): Statements {
  let s = prepared.get(client);
  if (!s) {
    s = {
      last: client.prepare('SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1'),
      lastSealed: client.prepare('SELECT id, hash FROM audit_events WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1'),
      unsealedAfter: client.prepare('SELECT id, at, actor_id, action, target_type, target_id, detail FROM audit_events WHERE id > ? ORDER BY id'),
      seal: client.prepare('UPDATE audit_events SET prev_hash = ?, hash = ? WHERE id = ? AND hash IS NULL'),
      insert: client.prepare('INSERT INTO audit_events (id, at, actor_id, action, target_type, target_id, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    };
    prepared.set(client, s);
  }
  return s;
}

/// Rows written before the chain existed (migration 0009 left their hash NULL) are chained, in
/// id order, after the last sealed row, as they stand. It happens once: afterwards the newest
/// row always has a hash. The UPDATE trigger allows exactly this (OLD.hash IS NULL). Their ids
/// become their seqs as they are: nothing ever deleted audit rows, so they run without a gap.
function sealLegacyRows(s: Statements): { id: number; hash: string } {
  const from = s.lastSealed.get() ?? { id: 0, hash: genesisHash };
  let prev = from;
  for (const row of s.unsealedAfter.all(from.id)) {
    const fields: AuditEntryFields = {
      seq: row.id,
      atMs: row.at,
      actorId: row.actor_id,
      action: row.action,
      targetType: row.target_type,
      targetId: row.target_id,
      detailText: row.detail,
      prevHash: prev.hash,
    };
    const hash = hashAuditEntry(fields);
    s.seal.run(prev.hash, hash, row.id);
    prev = { id: row.id, hash };
  }
  return prev;
}

function append(s: Statements, event: AuditEventInput, now: Date): void {
  const last = s.last.get();
  const prev = !last ? { id: 0, hash: genesisHash } : last.hash === null ? sealLegacyRows(s) : { id: last.id, hash: last.hash };
  const f = nextAuditEntry({ seq: prev.id, hash: prev.hash }, event, now);
  s.insert.run(f.seq, f.atMs, f.actorId, f.action, f.targetType, f.targetId, f.detailText, f.prevHash, hashAuditEntry(f));
}

/// Appends one entry to the audit chain; call it inside the same transaction as the change it
/// records (`tx` is that drizzle transaction, or the database, when the entry is the change).
/// The entry takes the next seq, links to the newest entry's hash and is hashed over its
/// canonical encoding (auditHash.ts); `detail` is stored as canonical JSON, the text hashed.
/// Two writers can never both link to the same entry: the write lock serialises appends, and
/// the primary key refuses a second entry with the same seq even if it did not. Synchronous and
/// SQLite only; code written against an `Engine` calls appendAudit, which writes the same entry.
export function recordAudit(tx: AuditHandle, event: AuditEventInput, now: Date = new Date()): void {
  const client = sqliteClientOf(tx);
  const s = statementsFor(client);
  // Reading the last row and appending after it must be one unit: open a transaction, taking the
  // write lock at once, when the caller did not pass one.
  if (client.inTransaction) append(s, event, now);
  else client.transaction(() => append(s, event, now)).immediate();
}
