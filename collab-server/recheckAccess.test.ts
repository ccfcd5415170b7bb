import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, billMembers, users } from '@/db/schema';
import { createSession, invalidateSession } from '@/lib/auth';
import { collabCloseCodes } from '@/lib/editor';
import { connectTestClient, seedDraft, ticketFor, useCollabServer, waitFor } from './testing';
import { sqliteEngine } from '@/db/engine';

const collab = useCollabServer();
const { db } = collab;

/// Connects the stock client for `user` and waits for its first sync.
async function connected(draftId: string, user: { id: string; email: string; name: string; role: 'drafter' | 'reviewer' | 'admin' | 'volunteer' | 'public' }, cookie?: string) {
  const client = connectTestClient(collab.server.port, draftId, cookie ? { cookie } : { ticket: ticketFor(db, draftId, user) });
  await client.synced;
  return client;
}

describe('an open socket follows its person’s permission', () => {
  it('is closed 4403 within two seconds of its person being removed from the bill', async () => {
    const draft = seedDraft(db);
    const client = await connected(draft.draftId, draft.editors[0]);
    db.delete(billMembers).where(and(eq(billMembers.billId, draft.billId), eq(billMembers.userId, draft.editors[0].id))).run();
    await waitFor(() => client.closes.length > 0, 'the kick', 2000);
    expect(client.closes[0]).toEqual({ code: collabCloseCodes.forbidden, reason: 'no longer a member of this bill' });
    // The kick is in the audit chain.
    const kick = db.select().from(auditEvents).where(and(eq(auditEvents.action, 'collab.kick'), eq(auditEvents.targetId, draft.draftId))).get();
    expect(kick?.detail).toMatchObject({ userId: draft.editors[0].id, code: collabCloseCodes.forbidden });
    client.destroy();
  });

  it('is closed 4401 within two seconds of the account being disabled', async () => {
    const draft = seedDraft(db);
    const client = await connected(draft.draftId, draft.editors[0]);
    db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, draft.editors[0].id)).run();
    await waitFor(() => client.closes.length > 0, 'the kick', 2000);
    expect(client.closes[0].code).toBe(collabCloseCodes.notAuthenticated);
    client.destroy();
  });

  it('is closed 4401 within two seconds of its session being signed out', async () => {
    const draft = seedDraft(db);
    const { token } = await createSession(sqliteEngine(db), draft.editors[1].id, new Date());
    const client = await connected(draft.draftId, draft.editors[1], `lawbench_session=${token}`);
    await invalidateSession(sqliteEngine(db), token);
    await waitFor(() => client.closes.length > 0, 'the kick', 2000);
    expect(client.closes[0]).toEqual({ code: collabCloseCodes.notAuthenticated, reason: 'signed out' });
    client.destroy();
  });

  it('turns read-only when its editor is made a reviewer: the next change is refused and not stored', async () => {
    const draft = seedDraft(db);
    const client = await connected(draft.draftId, draft.editors[0]);
    const watcher = await connected(draft.draftId, draft.editors[1]);
    db.update(billMembers).set({ role: 'reviewer' }).where(and(eq(billMembers.billId, draft.billId), eq(billMembers.userId, draft.editors[0].id))).run();
    await new Promise((r) => setTimeout(r, 1500));
    expect(client.closes).toEqual([]);
    client.doc.getText('t').insert(0, '降级后输入的文字');
    await waitFor(() => client.closes.length > 0, 'the refusal', 2000);
    expect(client.closes[0]).toEqual({ code: collabCloseCodes.forbidden, reason: 'read-only' });
    await new Promise((r) => setTimeout(r, 200));
    expect(watcher.doc.getText('t').toString()).toBe('');
    for (const c of [client, watcher]) c.destroy();
  });
});
