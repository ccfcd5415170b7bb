import { integer, sqliteTable, text, index } from 'drizzle-orm/sqlite-core';
import { userRoles } from '@/lib/shared/vocabulary';
import { writtenAt, moment, belongsTo } from './columns';

/// Everyone who can sign in: staff created by an admin and self-registered members of the public.
export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: userRoles }).notNull(),
    disabledAt: moment('disabled_at'),
    createdAt: writtenAt('created_at'),
  },
  (t) => [index('users_role_idx').on(t.role)],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

/// Server-side sessions (Lucia design): the cookie carries `id.secret`; only SHA-256(secret) is stored.
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: belongsTo('user_id', () => users.id),
    secretHash: text('secret_hash').notNull(),
    createdAt: moment('created_at').notNull(),
    expiresAt: moment('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export type Session = typeof sessions.$inferSelect;
export type NewSession = typeof sessions.$inferInsert;

/// Failed sign-in counters, keyed by `email:<address>` or `ip:<address>`, used to slow down guessing.
export const loginThrottles = sqliteTable('login_throttles', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  windowStartedAt: moment('window_started_at').notNull(),
  lockedUntil: moment('locked_until'),
});

export type LoginThrottle = typeof loginThrottles.$inferSelect;
export type NewLoginThrottle = typeof loginThrottles.$inferInsert;
