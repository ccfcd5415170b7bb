import { and, eq, gt, lt } from 'drizzle-orm';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { NewCollabTicket } from '@/db/schema';
import type { Engine } from '@/db/engine';

/// How long a collaboration ticket can open a socket. It opens one socket, once: a reconnect asks
/// for a new ticket (the browser signs its socket in with its session cookie instead).
export const ticketLifetimeMs = 60_000;

const hashTicket = (ticket: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(ticket)));

/// A new ticket for one user on one draft, tied to the session that asked for it (if any), and
/// the row that stores it: only its hash.
export function newCollabTicket(draftId: string, userId: string, now: Date, sessionId: string | null): { ticket: string; expiresAt: Date; row: NewCollabTicket } {
  const bytes = new Uint8Array(24);
  crypto.getRandomValues(bytes);
  const ticket = encodeBase32LowerCaseNoPadding(bytes);
  const expiresAt = new Date(now.getTime() + ticketLifetimeMs);
  return { ticket, expiresAt, row: { hash: hashTicket(ticket), draftId, userId, expiresAt, sessionId } };
}

/// Issues a ticket for one user on one draft, tied to the session that asked for it (if any);
/// only its hash is stored, and expired tickets are swept as it goes. Runs on either engine.
export async function issueCollabTicket({ db, t }: Engine, draftId: string, userId: string, now: Date = new Date(), sessionId: string | null = null): Promise<{ ticket: string; expiresAt: Date }> {
  const { ticket, expiresAt, row } = newCollabTicket(draftId, userId, now, sessionId);
  await db.delete(t.collabTickets).where(lt(t.collabTickets.expiresAt, now));
  await db.insert(t.collabTickets).values(row);
  return { ticket, expiresAt };
}

/// Uses up a valid, unexpired ticket (it is deleted as it is read, so it opens one socket only):
/// its holder, the draft it was issued for and the session it belongs to; null otherwise. Runs on
/// either engine.
export async function redeemCollabTicket({ db, t }: Engine, ticket: string, now: Date = new Date()): Promise<{ draftId: string; userId: string; sessionId: string | null } | null> {
  if (!/^[a-z2-7]{20,80}$/.test(ticket)) return null;
  const [row] = await db
    .delete(t.collabTickets)
    .where(and(eq(t.collabTickets.hash, hashTicket(ticket)), gt(t.collabTickets.expiresAt, now)))
    .returning({ draftId: t.collabTickets.draftId, userId: t.collabTickets.userId, sessionId: t.collabTickets.sessionId });
  return row ?? null;
}
