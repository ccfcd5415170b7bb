import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresEngine, type Engine } from '@/db/engine';
import { migratePgDatabase, openPgDatabase, type PgDb } from '@/db/pgClient';
import { issueCollabTicket } from '@/lib/drafting';
import { collabCloseCodes } from '@/lib/editor';
import { startLocalPostgres, type LocalPostgres } from '../scripts/localPostgres';
import { startCollabServer, type CollabServer } from './startCollabServer';
import { connectTestClient, seedDraftOn, storedDocOn, waitFor } from './testing';

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

/// Tickets issued ahead (a reconnect asks for one synchronously, and the database may be down).
async function ticketsFor(draftId: string, userId: string) {
  const issued: string[] = [];
  for (let i = 0; i < 10; i++) issued.push((await issueCollabTicket(engine, draftId, userId)).ticket);
  return () => issued.shift() ?? 'no-ticket-left';
}

describe('collaboration while PostgreSQL restarts', () => {
  it('refuses an edit it cannot store, relays none of it, and takes it once the database is back', async () => {
    const d = await seedDraftOn(engine);
    const a = connectTestClient(server.port, d.draftId, { ticket: await ticketsFor(d.draftId, d.editors[0].id), maxBackoffTime: 200 });
    const b = connectTestClient(server.port, d.draftId, { ticket: await ticketsFor(d.draftId, d.editors[1].id), maxBackoffTime: 200 });
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
    expect((await storedDocOn(engine, d.draftId)).getText('t').toString()).toBe('第一条　本条例');
    a.destroy();
    b.destroy();
  }, 60_000);
});
