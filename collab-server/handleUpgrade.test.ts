import { describe, expect, it } from 'vitest';
import { createSession } from '@/lib/auth';
import { collabCloseCodes } from '@/lib/editor';
import { closeOf, connectTestClient, useCollabServer, seedDraft, ticketFor, waitFor } from './testing';
import { sqliteEngine } from '@/db/engine';

const collab = useCollabServer();
const { db } = collab;
const draft = seedDraft(db);
const other = seedDraft(db);
const base = () => `ws://127.0.0.1:${collab.server.port}`;

describe('createUpgradeHandler', () => {
  it('refuses a wrong ticket with 4401 after the handshake, before any document data', async () => {
    expect(await closeOf(`${base()}/${draft.draftId}?ticket=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa`)).toEqual({
      code: collabCloseCodes.notAuthenticated,
      reason: 'invalid or expired ticket',
      frames: 0,
    });
  });

  it('refuses an expired ticket with 4401', async () => {
    const ticket = ticketFor(db, draft.draftId, draft.editors[0], new Date(Date.now() - 60 * 60_000));
    expect((await closeOf(`${base()}/${draft.draftId}?ticket=${ticket}`)).code).toBe(collabCloseCodes.notAuthenticated);
  });

  it('refuses a socket with no credentials at all with 4401', async () => {
    expect((await closeOf(`${base()}/${draft.draftId}`)).code).toBe(collabCloseCodes.notAuthenticated);
  });

  it('refuses a ticket issued for another draft with 4403', async () => {
    const ticket = ticketFor(db, other.draftId, other.editors[0]);
    expect(await closeOf(`${base()}/${draft.draftId}?ticket=${ticket}`)).toMatchObject({ code: collabCloseCodes.forbidden, frames: 0 });
  });

  it('refuses a signed-in drafter who is not on the bill with 4403', async () => {
    const ticket = ticketFor(db, draft.draftId, draft.outsider);
    expect((await closeOf(`${base()}/${draft.draftId}?ticket=${ticket}`)).code).toBe(collabCloseCodes.forbidden);
  });

  it('refuses a room that names no draft with 4404', async () => {
    const { token } = await createSession(sqliteEngine(db), draft.editors[0].id, new Date());
    expect(await closeOf(`${base()}/no-such-draft`, { cookie: `lawbench_session=${token}` })).toMatchObject({
      code: collabCloseCodes.noSuchDraft,
      frames: 0,
    });
    expect((await closeOf(`${base()}/`, { cookie: `lawbench_session=${token}` })).code).toBe(collabCloseCodes.noSuchDraft);
  });

  it('lets the stock client see the refusal code and stop reconnecting', async () => {
    const client = connectTestClient(collab.server.port, draft.draftId, { ticket: 'wrongwrongwrongwrongwrong' });
    const closed = new Promise<{ code: number }>((resolve) => client.provider.on('closed', resolve));
    expect((await closed).code).toBe(collabCloseCodes.notAuthenticated);
    await new Promise((r) => setTimeout(r, 400));
    expect(client.closes.map((c) => c.code)).toEqual([collabCloseCodes.notAuthenticated]);
    client.destroy();
  });

  it('accepts the session cookie instead of a ticket', async () => {
    const { token } = await createSession(sqliteEngine(db), draft.editors[0].id, new Date());
    const a = connectTestClient(collab.server.port, draft.draftId, { cookie: `lawbench_session=${token}` });
    const b = connectTestClient(collab.server.port, draft.draftId, { ticket: ticketFor(db, draft.draftId, draft.editors[1]) });
    await Promise.all([a.synced, b.synced]);
    a.doc.getText('t').insert(0, '第一条');
    await waitFor(() => b.doc.getText('t').toString() === '第一条', 'the cookie client’s text');
    a.destroy();
    b.destroy();
  });
});
