import { and, eq, gt, lt } from 'drizzle-orm';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { collabTickets } from '@/db/schema';
import type { Db } from '@/db/client';

/// How long a collaboration ticket opens the socket (reconnects within it reuse the ticket).
export const ticketLifetimeMs = 10 * 60_000;

const hashTicket = (ticket: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(ticket)));

/// Issues a ticket for one user on one draft; only its hash is stored.
export function issueCollabTicket(db: Db, draftId: string, userId: string, now: Date = new Date()): { ticket: string; expiresAt: Date } {
  const bytes = new Uint8Array(24);
  crypto.getRandomValues(bytes);
  const ticket = encodeBase32LowerCaseNoPadding(bytes);
  const expiresAt = new Date(now.getTime() + ticketLifetimeMs);
  db.delete(collabTickets).where(lt(collabTickets.expiresAt, now)).run();
  db.insert(collabTickets).values({ hash: hashTicket(ticket), draftId, userId, expiresAt }).run();
  return { ticket, expiresAt };
}

/// The holder of a valid, unexpired ticket, with the draft it was issued for; null otherwise.
export function redeemCollabTicket(db: Db, ticket: string, now: Date = new Date()): { draftId: string; userId: string } | null {
  if (!/^[a-z2-7]{20,80}$/.test(ticket)) return null;
  const row = db
    .select()
    .from(collabTickets)
    .where(and(eq(collabTickets.hash, hashTicket(ticket)), gt(collabTickets.expiresAt, now)))
    .get();
  return row ? { draftId: row.draftId, userId: row.userId } : null;
}
