import { describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import { engines } from '@/db/engineTesting';
import { verifyAuditChainOn } from '@/lib/audit';
import { issueCollabTicket, readDraftState } from '@/lib/drafting';
import { collabCloseCodes } from '@/lib/editor';
import { enginePersistence } from './enginePersistence';
import { startCollabServer } from './startCollabServer';
import { connectTestClient, seedDraftOn, storedDocOn, waitFor } from './testing';

const textStored = async (e: Engine, draftId: string) => {
  const state = (await readDraftState(e, draftId))!;
  return { text: (await storedDocOn(e, draftId)).getText('t').toString(), rows: state.updates.length };
};

// The collaboration server with everything in one engine's database: tickets, permissions, the
// kick's audit entry and the draft itself, stored through the awaited persistence.
describe.each(engines())('collaboration on $name', ({ engine }) => {
  it('stores every edit before relaying it, converges, compacts on close and loads it back', async () => {
    const e = engine();
    const d = await seedDraftOn(e);
    const server = await startCollabServer({ port: 0, host: '127.0.0.1', engine: e, persistence: enginePersistence(e, () => {}), log: () => {} });
    const ticket = async (user: { id: string }) => (await issueCollabTicket(e, d.draftId, user.id)).ticket;
    const a = connectTestClient(server.port, d.draftId, { ticket: await ticket(d.editors[0]) });
    const b = connectTestClient(server.port, d.draftId, { ticket: await ticket(d.editors[1]) });
    await Promise.all([a.synced, b.synced]);
    const words = Array.from({ length: 10 }, (_, i) => `第${i + 1}条`);
    for (const [i, w] of words.entries()) (i % 2 ? b : a).doc.getText('t').insert(0, w);
    const hasAll = (c: typeof a) => c.doc.getText('t').length === words.join('').length;
    await waitFor(() => hasAll(a) && hasAll(b) && b.doc.getText('t').toString() === a.doc.getText('t').toString(), 'both clients to converge');
    const text = a.doc.getText('t').toString();
    await waitFor(async () => (await textStored(e, d.draftId)).rows === 10, 'every edit stored', 3000);
    expect(await textStored(e, d.draftId)).toEqual({ text, rows: 10 });
    a.destroy();
    b.destroy();
    await server.close();
    expect(await textStored(e, d.draftId)).toEqual({ text, rows: 0 });

    const again = await startCollabServer({ port: 0, host: '127.0.0.1', engine: e, persistence: enginePersistence(e, () => {}), log: () => {} });
    const c = connectTestClient(again.port, d.draftId, { ticket: await ticket(d.editors[0]) });
    await c.synced;
    expect(c.doc.getText('t').toString()).toBe(text);
    c.destroy();
    await again.close();
  });

  it('closes the socket of an editor removed from the bill, and audits the kick in the chain', async () => {
    const e = engine();
    const d = await seedDraftOn(e);
    const server = await startCollabServer({ port: 0, host: '127.0.0.1', engine: e, log: () => {}, recheckIntervalMs: 100 });
    const client = connectTestClient(server.port, d.draftId, { ticket: (await issueCollabTicket(e, d.draftId, d.editors[0].id)).ticket });
    await client.synced;
    await e.db.delete(e.t.billMembers).where(and(eq(e.t.billMembers.billId, d.billId), eq(e.t.billMembers.userId, d.editors[0].id)));
    await waitFor(() => client.closes.length > 0, 'the kick', 3000);
    expect(client.closes[0].code).toBe(collabCloseCodes.forbidden);
    const kicked = async () => (await e.db.select({ n: count() }).from(e.t.auditEvents).where(and(eq(e.t.auditEvents.action, 'collab.kick'), eq(e.t.auditEvents.targetId, d.draftId))))[0].n;
    await waitFor(async () => (await kicked()) > 0, 'the kick audited', 3000);
    expect(await kicked()).toBe(1);
    expect((await verifyAuditChainOn(e)).ok).toBe(true);
    client.destroy();
    await server.close();
  });
});
