import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startCollabServer } from './startCollabServer';
import { closeCodes } from './closeCodes';

let server: Awaited<ReturnType<typeof startCollabServer>>;
beforeAll(async () => {
  server = await startCollabServer(0, '127.0.0.1');
});
afterAll(() => server.close());

describe('startCollabServer', () => {
  it('answers its health check on a real socket', async () => {
    const res = await fetch(`http://127.0.0.1:${server.port}/health`);
    expect(await res.json()).toEqual({ ok: true, service: 'lawbench-collab' });
  });

  it('closes a WebSocket for a draft that does not exist with 4404', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/draft-1`);
    const code = await new Promise<number>((resolve) => ws.on('close', (c) => resolve(c)));
    expect(code).toBe(closeCodes.noSuchDraft);
  });
});
