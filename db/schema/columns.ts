import { sql } from 'drizzle-orm';
import { integer, text, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

/// A moment stored as milliseconds since the epoch, that SQLite fills in when the row is written.
export function writtenAt(name: string) {
  return integer(name, { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);
}

/// A moment stored as milliseconds since the epoch.
export function moment(name: string) {
  return integer(name, { mode: 'timestamp_ms' });
}

/// A required reference to the row this one belongs to: deleting that row deletes this one.
export function belongsTo(name: string, target: () => AnySQLiteColumn) {
  return text(name)
    .notNull()
    .references(target, { onDelete: 'cascade' });
}
