import { integer, pgTable, text, index, jsonb } from 'drizzle-orm/pg-core';
import { accountTokenPurposes, userRoles } from '@/lib/shared/vocabulary';
import { writtenAt, moment, belongsTo } from './columns';

/// Everyone who can sign in: staff created by an admin and self-registered members of the public.
export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: userRoles }).notNull(),
    disabledAt: moment('disabled_at'),
    createdAt: writtenAt('created_at'),
    /// When a self-registered person agreed to the privacy notice, and which edition it was.
    privacyConsentedAt: moment('privacy_consented_at'),
    privacyNotice: text('privacy_notice'),
  },
  (t) => [index('users_role_idx').on(t.role)],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

/// Server-side sessions (Lucia design): the cookie carries `id.secret`; only SHA-256(secret) is stored.
export const sessions = pgTable(
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
export const loginThrottles = pgTable('login_throttles', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  windowStartedAt: moment('window_started_at').notNull(),
  lockedUntil: moment('locked_until'),
});

export type LoginThrottle = typeof loginThrottles.$inferSelect;
export type NewLoginThrottle = typeof loginThrottles.$inferInsert;

/// One-time links sent by e-mail: finishing a registration or resetting a password. The link
/// carries `id.secret`; only SHA-256(secret) is stored. `detail` keeps what a registration
/// waits to create (name, password hash, consent).
export const accountTokens = pgTable(
  'account_tokens',
  {
    id: text('id').primaryKey(),
    secretHash: text('secret_hash').notNull(),
    purpose: text('purpose', { enum: accountTokenPurposes }).notNull(),
    email: text('email').notNull(),
    detail: jsonb('detail').$type<{ name: string; passwordHash: string; consentedAt: number; notice: string } | null>(),
    createdAt: writtenAt('created_at'),
    expiresAt: moment('expires_at').notNull(),
    usedAt: moment('used_at'),
  },
  (t) => [index('account_tokens_email_idx').on(t.email)],
);

export type AccountToken = typeof accountTokens.$inferSelect;
export type NewAccountToken = typeof accountTokens.$inferInsert;

/// Every e-mail the product writes. With SMTP configured it is also sent (and its body, which
/// may hold a one-time link, is then no longer kept); without, this is where it can be read.
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: text('id').primaryKey(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    body: text('body'),
    createdAt: writtenAt('created_at'),
    sentAt: moment('sent_at'),
    failure: text('failure'),
  },
  (t) => [index('outbox_messages_created_idx').on(t.createdAt)],
);

export type OutboxMessage = typeof outboxMessages.$inferSelect;
export type NewOutboxMessage = typeof outboxMessages.$inferInsert;
