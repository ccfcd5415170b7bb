import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { postgresEngine, type Engine } from '@/db/engine';
import { migratePgDatabase, openPgDatabase, type PgDb } from '@/db/pgClient';
import { issueCollabTicket, readDraftState } from '@/lib/drafting';
import { collabCloseCodes } from '@/lib/editor';
import { startLocalPostgres, type LocalPostgres } from '../scripts/localPostgres';
import { startCollabServer, type CollabServer } from './startCollabServer';
import { connectTestClient, waitFor } from './testing';

// PostgreSQL restarting under a running collaboration server: an edit that cannot be stored is
// refused (the writer is closed 1011 and resends it on reconnect), nothing of it is relayed, and
// once the database is back the edit lands and everyone has it.
let pg: LocalPostgres;
let pool: PgDb;
let engine: Engine;
let server: CollabServer;
const logged: string[] = [];

beforeAll(async () => {
  pg = await startLocalPostgres();
  pool = openPgDatabase(pg.url);
  await migratePgDatabase(pool);
  engine = postgresEngine(pool);
  server = await startCollabServer({ port: 0, host: '127.0.0.1', engine, log: (m) => logged.push(m), recheckIntervalMs: 200 });
}, 60_000);
afterAll(async () => {
  await server?.close();
  await pool?.$client.end();
  pg?.dispose();
});

async function draftWithEditors({ db, t }: Engine) {
  const [billId, draftId] = [crypto.randomUUID(), crypto.randomUUID()];
  const editors = [crypto.randomUUID(), crypto.randomUUID()];
  await db.insert(t.users).values(editors.map((id) => ({ id, email: `${id}@test.lawbench`, name: `编辑 ${id.slice(0, 4)}`, passwordHash: 'not-a-real-hash', role: 'drafter' as const })));
  await db.insert(t.bills).values({ id: billId, title: '测试条例', kind: 'local_regulation' });
  await db.insert(t.billMembers).values(editors.map((userId) => ({ billId, userId, role: 'editor' as const })));
  await db.insert(t.drafts).values({ id: draftId, billId, snapshotUpdateId: 0 });
  return { draftId, editors };
}

/// Tickets issued ahead (a reconnect asks for one synchronously, and the database may be down).
async function ticketsFor(draftId: string, userId: string) {
  const issued: string[] = [];
  for (let i = 0; i < 10; i++) issued.push((await issueCollabTicket(engine, draftId, userId)).ticket);
  return () => issued.shift() ?? 'no-ticket-left';
}

const storedText = async (draftId: string) => {
  const state = (await readDraftState(engine, draftId))!;
  const doc = new Y.Doc();
  for (const u of [...(state.snapshot ? [state.snapshot] : []), ...state.updates.map((x) => x.update)]) Y.applyUpdate(doc, u);
  return doc.getText('t').toString();
};

describe('collaboration while PostgreSQL restarts', () => {
  it('refuses an edit it cannot store, relays none of it, and takes it once the database is back', async () => {
    const d = await draftWithEditors(engine);
    const a = connectTestClient(server.port, d.draftId, { ticket: await ticketsFor(d.draftId, d.editors[0]), maxBackoffTime: 200 });
    const b = connectTestClient(server.port, d.draftId, { ticket: await ticketsFor(d.draftId, d.editors[1]), maxBackoffTime: 200 });
    await Promise.all([a.synced, b.synced]);
    a.doc.getText('t').insert(0, '第一条');
    await waitFor(() => b.doc.getText('t').toString() === '第一条', 'the first edit');

    pg.stop();
    a.doc.getText('t').insert(3, '　本条例');
    await waitFor(() => a.closes.some((c) => c.code === collabCloseCodes.internalError), 'the writer to be told to retry');
    expect(a.closes.find((c) => c.code === collabCloseCodes.internalError)?.reason).toBe('update not stored, retry');
    await new Promise((r) => setTimeout(r, 300));
    expect(b.doc.getText('t').toString()).toBe('第一条');
    // The other editor stays connected meanwhile: the permission check that failed keeps sockets.
    expect(b.closes).toEqual([]);
    expect(logged.some((m) => m.includes('update not stored'))).toBe(true);

    pg.start();
    await waitFor(() => b.doc.getText('t').toString() === '第一条　本条例', 'the edit after the restart', 15_000);
    expect(a.doc.getText('t').toString()).toBe('第一条　本条例');
    expect(await storedText(d.draftId)).toBe('第一条　本条例');
    a.destroy();
    b.destroy();
  }, 60_000);
});
