import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { engines } from '@/db/engineTesting';
import { insertTestAccount } from '@/lib/auth/testing';
import type { CurrentUser } from '@/lib/auth';
import { issueCollabTicket, redeemCollabTicket, ticketLifetimeMs } from './collabTicket';
import { createCollabTicket } from './createCollabTicket';

describe.each(engines())('collaboration tickets on $name', ({ engine }) => {
  let editor: CurrentUser;
  let reviewer: CurrentUser;
  let outsider: CurrentUser;
  let admin: CurrentUser;
  const draftId = crypto.randomUUID();

  beforeAll(async () => {
    const { db, t } = engine();
    editor = await insertTestAccount(engine(), { role: 'drafter' });
    reviewer = await insertTestAccount(engine(), { role: 'reviewer' });
    outsider = await insertTestAccount(engine(), { role: 'drafter' });
    admin = await insertTestAccount(engine(), { role: 'admin' });
    const billId = crypto.randomUUID();
    await db.insert(t.bills).values({ id: billId, title: '测试条例', kind: 'local_regulation' });
    await db.insert(t.billMembers).values([
      { billId, userId: editor.id, role: 'editor' },
      { billId, userId: reviewer.id, role: 'reviewer' },
    ]);
    await db.insert(t.drafts).values({ id: draftId, billId, snapshot: null, snapshotUpdateId: 0 });
  });

  describe('createCollabTicket', () => {
    it('gives editors a ticket to write and reviewers and admins outside the bill one to read', async () => {
      const mine = await createCollabTicket(engine(), editor, draftId);
      expect(mine).toMatchObject({ room: draftId, access: 'write' });
      expect(Date.parse(mine.expiresAt)).toBeGreaterThan(Date.now());
      expect((await createCollabTicket(engine(), reviewer, draftId)).access).toBe('read');
      expect((await createCollabTicket(engine(), admin, draftId)).access).toBe('read');
    });

    it('refuses someone who may not see the bill as if it did not exist, names a missing draft, and needs a user', async () => {
      await expect(createCollabTicket(engine(), outsider, draftId)).rejects.toMatchObject({ code: 'not_found', message: 'bill_not_found' });
      await expect(createCollabTicket(engine(), editor, 'no-such-draft')).rejects.toMatchObject({ code: 'not_found', message: 'draft_not_found' });
      await expect(createCollabTicket(engine(), null, draftId)).rejects.toMatchObject({ code: 'unauthenticated' });
    });

    it('ties the ticket to the session that asked for it', async () => {
      const { db, t } = engine();
      const sessionId = crypto.randomUUID().replaceAll('-', '').slice(0, 24);
      await db.insert(t.sessions).values({ id: sessionId, userId: editor.id, secretHash: 'x'.repeat(64), createdAt: new Date(), expiresAt: new Date(Date.now() + 60_000) });
      const { ticket } = await createCollabTicket(engine(), editor, draftId, sessionId);
      expect(await redeemCollabTicket(engine(), ticket)).toEqual({ draftId, userId: editor.id, sessionId });
    });
  });

  describe('issueCollabTicket', () => {
    it('issues a ticket that opens one socket, within its minute only, storing only its hash', async () => {
      const now = new Date('2026-10-01T00:00:00Z');
      const { ticket, expiresAt } = await issueCollabTicket(engine(), draftId, editor.id, now);
      expect(expiresAt).toEqual(new Date(now.getTime() + ticketLifetimeMs));
      const { db, t } = engine();
      expect(await db.select().from(t.collabTickets).where(eq(t.collabTickets.hash, ticket))).toEqual([]);
      expect(await redeemCollabTicket(engine(), ticket, new Date(now.getTime() + ticketLifetimeMs))).toBeNull();
      const again = await issueCollabTicket(engine(), draftId, editor.id, now);
      expect(await redeemCollabTicket(engine(), again.ticket, new Date(now.getTime() + ticketLifetimeMs - 1))).toEqual({ draftId, userId: editor.id, sessionId: null });
      expect(await redeemCollabTicket(engine(), again.ticket, now)).toBeNull();
    });

    it('sweeps the expired tickets as it issues a new one', async () => {
      const then = new Date('2026-10-02T00:00:00Z');
      const old = await issueCollabTicket(engine(), draftId, editor.id, then);
      const later = new Date(then.getTime() + ticketLifetimeMs + 1);
      await issueCollabTicket(engine(), draftId, editor.id, later);
      const { db, t } = engine();
      const left = await db.select({ expiresAt: t.collabTickets.expiresAt }).from(t.collabTickets);
      expect(left.every((r) => r.expiresAt.getTime() >= later.getTime())).toBe(true);
      expect(await redeemCollabTicket(engine(), old.ticket, then)).toBeNull();
    });
  });
});
