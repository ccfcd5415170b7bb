import type { Db } from '@/db/client';
import { hashAuditEntry } from '../auditHash';

/// Test support: what someone with write access to the database file could do to the audit log.

/// Removes the triggers that refuse UPDATE and DELETE, as raw SQL on the file could.
export function dropAuditTriggers(db: Db): void {
  db.$client.exec('DROP TRIGGER IF EXISTS audit_events_append_only_update; DROP TRIGGER IF EXISTS audit_events_append_only_delete;');
}

/// Re-hashes every entry from `seq` on (after an edit or a deletion), renumbering them to close
/// any gap, so that the chain is internally consistent again: a rewritten history that only a
/// head kept from before can expose. Needs the triggers dropped.
export function rewriteAuditFrom(db: Db, seq: number): void {
  const c = db.$client;
  c.transaction(() => {
    const before = c.prepare('SELECT id, hash FROM audit_events WHERE id < ? ORDER BY id DESC LIMIT 1').get(seq) as { id: number; hash: string } | undefined;
    let prev = before ?? { id: 0, hash: '0'.repeat(64) };
    const rows = c.prepare('SELECT id, at, actor_id, action, target_type, target_id, detail FROM audit_events WHERE id >= ? ORDER BY id').all(seq) as {
      id: number;
      at: number;
      actor_id: string | null;
      action: string;
      target_type: string;
      target_id: string;
      detail: string | null;
    }[];
    // Clear the old links first: the UNIQUE index on prev_hash must not see two rows share one.
    c.prepare('UPDATE audit_events SET prev_hash = NULL WHERE id >= ?').run(seq);
    for (const r of rows) {
      const id = prev.id + 1;
      const hash = hashAuditEntry({ seq: id, atMs: r.at, actorId: r.actor_id, action: r.action, targetType: r.target_type, targetId: r.target_id, detailText: r.detail, prevHash: prev.hash });
      c.prepare('UPDATE audit_events SET id = ?, prev_hash = ?, hash = ? WHERE id = ?').run(id, prev.hash, hash, r.id);
      prev = { id, hash };
    }
  })();
}
