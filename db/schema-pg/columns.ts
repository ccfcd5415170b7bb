import { customType, text, timestamp, type AnyPgColumn } from 'drizzle-orm/pg-core';

/// How a moment is stored: `timestamptz` to the millisecond (the precision SQLite's milliseconds
/// since the epoch have), read and written as a `Date`.
const instant = { mode: 'date', precision: 3, withTimezone: true } as const;

/// A moment stored as `timestamptz`, that PostgreSQL fills in when the row is written.
export function writtenAt(name: string) {
  return timestamp(name, instant).notNull().defaultNow();
}

/// A moment stored as `timestamptz`.
export function moment(name: string) {
  return timestamp(name, instant);
}

/// A required reference to the row this one belongs to: deleting that row deletes this one.
export function belongsTo(name: string, target: () => AnyPgColumn) {
  return text(name)
    .notNull()
    .references(target, { onDelete: 'cascade' });
}

/// Bytes (`bytea`), read and written as a `Buffer` like SQLite's `blob(…, { mode: 'buffer' })`.
/// drizzle's pg-core has no `bytea` builder of its own.
export const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType() {
    return 'bytea';
  },
});
