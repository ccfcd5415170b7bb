import { afterAll, beforeAll } from 'vitest';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { WebsocketProvider } from 'y-websocket';
import { billMembers, bills, collabTickets, drafts } from '@/db/schema';
import type { Db } from '@/db/client';
import { freshDatabase } from '@/db/testing';
import { startCollabServer, type CollabServer } from './startCollabServer';
import type { CurrentUser } from '@/lib/auth/roles';
import { newCollabTicket } from '@/lib/drafting/collabTicket';
import { readDraftState } from '@/lib/drafting/draftStore';
import type { Engine } from '@/db/engine';

/// Test fixtures for the collaboration server: real rows, real tickets, the stock client.

import { insertTestUser } from '@/lib/auth/testing';

export { insertTestUser };

/// A bill with an empty draft and `editors` editors, written through `engine` (either engine).
export async function seedDraftOn({ db, t }: Engine, editors = 2): Promise<{ billId: string; draftId: string; editors: { id: string }[] }> {
  const [billId, draftId] = [crypto.randomUUID(), crypto.randomUUID()];
  const people = Array.from({ length: editors }, () => ({ id: crypto.randomUUID() }));
  await db.insert(t.users).values(people.map(({ id }) => ({ id, email: `${id}@test.lawbench`, name: `编辑 ${id.slice(0, 4)}`, passwordHash: 'not-a-real-hash', role: 'drafter' as const })));
  await db.insert(t.bills).values({ id: billId, title: '测试条例', kind: 'local_regulation' });
  await db.insert(t.billMembers).values(people.map(({ id }) => ({ billId, userId: id, role: 'editor' as const })));
  await db.insert(t.drafts).values({ id: draftId, billId, snapshotUpdateId: 0 });
  return { billId, draftId, editors: people };
}

/// The document a draft's stored state rebuilds, read through `engine`.
export async function storedDocOn(engine: Engine, draftId: string): Promise<Y.Doc> {
  const state = await readDraftState(engine, draftId);
  if (!state) throw new Error(`no draft ${draftId}`);
  const doc = new Y.Doc();
  for (const u of [...(state.snapshot ? [state.snapshot] : []), ...state.updates.map((x) => x.update)]) Y.applyUpdate(doc, u);
  return doc;
}

/// A bill with its draft, `editors` drafters and `reviewers` reviewers as members, and one
/// drafter who is not a member. `snapshot` is the draft's initial content, if any.
export function seedDraft(db: Db, opts: { editors?: number; reviewers?: number; snapshot?: Uint8Array } = {}) {
  const billId = crypto.randomUUID();
  const draftId = crypto.randomUUID();
  const editors = Array.from({ length: opts.editors ?? 2 }, () => insertTestUser(db, 'drafter'));
  const reviewers = Array.from({ length: opts.reviewers ?? 1 }, () => insertTestUser(db, 'reviewer'));
  const outsider = insertTestUser(db, 'drafter');
  db.insert(bills).values({ id: billId, title: '测试条例', kind: 'local_regulation' }).run();
  for (const u of editors) db.insert(billMembers).values({ billId, userId: u.id, role: 'editor' }).run();
  for (const u of reviewers) db.insert(billMembers).values({ billId, userId: u.id, role: 'reviewer' }).run();
  const snapshot = opts.snapshot ? Buffer.from(opts.snapshot) : null;
  db.insert(drafts).values({ id: draftId, billId, snapshot, snapshotUpdateId: 0 }).run();
  return { billId, draftId, editors, reviewers, outsider };
}

/// A fresh ticket for `user` on `draftId`, stored at once (SQLite, like `seedDraft`), so that a
/// client can ask for one each time it reconnects. Product code issues them with issueCollabTicket.
export function ticketFor(db: Db, draftId: string, user: CurrentUser, now: Date = new Date()): string {
  const { ticket, row } = newCollabTicket(draftId, user.id, now, null);
  db.insert(collabTickets).values(row).run();
  return ticket;
}

/// A stock y-websocket client in Node, with the close it was refused with (if any).
export type TestClient = {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /// Resolves once the first sync with the server completed.
  synced: Promise<void>;
  /// Every close the server sent, in order.
  closes: { code: number; reason: string }[];
  destroy: () => void;
};

/// Connects the stock `WebsocketProvider` to `ws://127.0.0.1:<port>` for `draftId`.
export function connectTestClient(
  port: number,
  draftId: string,
  opts: { ticket?: string | (() => string); doc?: Y.Doc; cookie?: string; maxBackoffTime?: number } = {},
): TestClient {
  const doc = opts.doc ?? new Y.Doc();
  const cookie = opts.cookie;
  // The stock client has no header option; a subclass of `ws` adds the cookie a browser would send.
  class CookieWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, cookie ? { headers: { cookie } } : {});
    }
  }
  const provider = new WebsocketProvider(`ws://127.0.0.1:${port}`, draftId, doc, {
    params: opts.ticket ? { ticket: typeof opts.ticket === 'function' ? opts.ticket() : opts.ticket } : {},
    WebSocketPolyfill: (cookie ? CookieWebSocket : WebSocket) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: opts.maxBackoffTime ?? 300,
  });
  const closes: { code: number; reason: string }[] = [];
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: String(event.reason) });
    // A ticket opens one socket: a client that reconnects asks for a new one, as a real one would.
    if (typeof opts.ticket === 'function') provider.params.ticket = opts.ticket();
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    else provider.on('sync', (s: boolean) => s && resolve());
  });
  return {
    doc,
    provider,
    synced,
    closes,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/// Opens a raw socket and resolves with the close code and reason the server sent, and every
/// frame received before it.
export function closeOf(url: string, headers: Record<string, string> = {}): Promise<{ code: number; reason: string; frames: number }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    let frames = 0;
    socket.on('message', () => frames++);
    socket.on('error', reject);
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString(), frames }));
  });
}

/// Polls `check` (which may read the database asynchronously) until it holds or `timeoutMs`
/// passes (then throws with `what`).
export async function waitFor(check: () => boolean | Promise<boolean>, what = 'condition', timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/// For one test file: a fresh database and a collaboration server on a free loopback port,
/// started before the file's tests and closed (the database removed) after them.
export function useCollabServer(): { db: Db; readonly server: CollabServer } {
  const { db, cleanup } = freshDatabase();
  let server: CollabServer | undefined;
  beforeAll(async () => {
    server = await startCollabServer({ port: 0, host: '127.0.0.1', db, log: () => {} });
  });
  afterAll(async () => {
    await server?.close();
    cleanup();
  });
  return {
    db,
    get server() {
      if (!server) throw new Error('the collaboration server has not started');
      return server;
    },
  };
}

/// Starts `collab-server/main.ts` as its own process with `env` added (COLLAB_PORT 0 and
/// COLLAB_HOST 127.0.0.1 unless given) and resolves with it, its port and what it printed on start.
export function startCollabProcess(env: Record<string, string>): Promise<{ child: ChildProcess; port: number; url: string; banner: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('collab-server/main.ts')], {
    env: { ...process.env, COLLAB_PORT: '0', COLLAB_HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on ws:\/\/127\.0\.0\.1:(\d+).*/.exec(out);
      if (m) resolve({ child, port: Number(m[1]), url: `ws://127.0.0.1:${m[1]}`, banner: m[0] });
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`collab server exited (${code}): ${out}`)));
  });
}
