import { bigint, pgTable, text, index, json } from 'drizzle-orm/pg-core';
import { users } from './users';
import { moment } from './columns';

/// Append-only record of every write that matters, written in the same transaction as the write.
/// The rows form a hash chain: `hash` is SHA-256 over the row's canonical encoding, which
/// includes the previous row's hash (`prevHash`), so a row edited or removed outside the app
/// breaks every hash after it. Triggers (migration 0009) refuse UPDATE and DELETE.
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    at: moment('at').notNull(),
    actorId: text('actor_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    /// The hash covers the exact JSON text stored (canonical JSON, lib/audit). `json`, not `jsonb`:
    /// `jsonb` keeps the value but not the text (it reorders keys), and verifying the chain
    /// would then depend on re-encoding it.
    detail: json('detail').$type<Record<string, unknown>>(),
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [index('audit_events_target_idx').on(t.targetType, t.targetId), index('audit_events_at_idx').on(t.at)],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
export type NewAuditEvent = typeof auditEvents.$inferInsert;
