import http from 'node:http';
import { WebSocketServer } from 'ws';
import { getDatabase, type Db } from '@/db/client';
import { sqliteEngine, type Engine } from '@/db/engine';
import { authorizeCollabConnection, recheckCollabAccess, type WebAppOrigin } from '@/lib/drafting';
import { appendAudit, recordAudit } from '@/lib/audit';
import { collabCloseCodes } from '@/lib/editor';
import type { WebSocket } from 'ws';
import { connectClient } from './connectClient';
import type { DraftConnection, SharedDraft } from './sharedDraft';
import { createDraftRegistry, defaultRegistryTiming, type RegistryTiming } from './draftRegistry';
import { createUpgradeHandler } from './handleUpgrade';
import { startKeepAlive } from './keepAlive';
import { startWalCheckpointer } from '@/db/startWalCheckpointer';
import { sqlitePersistence, type CollabPersistence } from './sqlitePersistence';
import { enginePersistence } from './enginePersistence';
import { noRelay, type ClusterRelay } from './clusterRelay';

/// Largest frame a client may send (a whole pasted regulation fits many times over); larger
/// frames are refused by `ws` with close code 1009.
export const maxMessageBytes = 10 * 1024 * 1024;

/// Options of `startCollabServer`; everything but `port` has a production default.
export type CollabServerOptions = {
  port: number;
  host?: string;
  /// The SQLite database (default: the process's); ignored when `engine` is given.
  db?: Db;
  /// The database on either engine: tickets, permissions, the kick's audit entry and the
  /// drafts themselves (`enginePersistence`). Default: SQLite, `db`.
  engine?: Engine;
  /// Replaces the persistence (tests of failure paths).
  persistence?: CollabPersistence;
  /// How this instance hears the others on the same database (default: alone, `noRelay`).
  relay?: ClusterRelay;
  timing?: Partial<RegistryTiming>;
  /// How often sockets are pinged; one that missed the previous ping is terminated.
  pingIntervalMs?: number;
  /// How often every open socket's permission is asked again (removal, demotion, sign-out).
  recheckIntervalMs?: number;
  /// Checkpoint SQLite's WAL from a worker thread instead of inside a commit (default true).
  backgroundCheckpoints?: boolean;
  now?: () => Date;
  log?: (message: string) => void;
  /// The web app's origin, which a cookie-authenticated socket's Origin must be (default: from
  /// `PUBLIC_URL`, else the host name of the socket with the port in `LAWBENCH_WEB_PORT`).
  web?: WebAppOrigin;
};

/// A running collaboration server.
export type CollabServer = {
  port: number;
  /// Open drafts and sockets, for tests and the benchmark.
  stats: () => { drafts: number; connections: number };
  /// Compacts every open draft now.
  compactAll: () => Promise<void>;
  /// Closes every socket (1001), compacts and unloads the drafts, and stops listening.
  close: () => Promise<void>;
};

/// Starts the y-websocket collaboration server: `/health` over HTTP, and `ws://host:port/<draftId>`
/// authenticated by `?ticket=` or the session cookie, with every accepted update stored in the
/// database (SQLite, or PostgreSQL through `engine`) before it is relayed.
export function startCollabServer(options: CollabServerOptions): Promise<CollabServer> {
  const engine = options.engine ?? sqliteEngine(options.db ?? getDatabase());
  // SQLite keeps its synchronous path: updates stored as they arrive, the WAL checkpointed aside.
  const sqliteDb = engine.kind === 'sqlite' ? engine.db : null;
  const log = options.log ?? ((message: string) => console.error(message));
  const now = options.now ?? (() => new Date());
  const web: WebAppOrigin = options.web ?? { publicUrl: process.env.PUBLIC_URL || null, port: Number(process.env.LAWBENCH_WEB_PORT) || null };
  const relay = options.relay ?? noRelay;
  const persistence = options.persistence ?? (sqliteDb ? sqlitePersistence(sqliteDb, log) : enginePersistence(engine, log));
  const registry = createDraftRegistry(persistence, { ...defaultRegistryTiming, ...options.timing }, log, relay);

  const server = http.createServer((req, res) => {
    if (req.url === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' });
      // What a load balancer or an operator needs: this instance serves, and whether it reaches
      // the others (with Redis unreachable it still serves its own clients). Nothing about how
      // busy it is: the port is public.
      res.end(JSON.stringify({ ok: true, service: 'lawbench-collab', relay: relay.state() }));
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 'not_found', message: 'Connect with the y-websocket protocol.' } }));
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes, perMessageDeflate: false });
  server.on(
    'upgrade',
    createUpgradeHandler({
      wss,
      log,
      authorize: (input) => authorizeCollabConnection(engine, { ...input, web }, now()),
      onAuthorized: async (socket, access) => {
        // Frames that arrive while the draft loads wait in the socket (a load from a database
        // server answers later).
        socket.pause();
        let draft: SharedDraft | null;
        try {
          draft = await registry.open(access.draftId);
        } catch (error) {
          log(`[collab] draft ${access.draftId} could not be loaded: ${String(error)}`);
          socket.close(collabCloseCodes.internalError, 'draft not loaded, retry');
          return;
        }
        if (!draft) {
          socket.close(collabCloseCodes.noSuchDraft, 'no such draft');
          return;
        }
        if (socket.readyState !== socket.OPEN) {
          // It went away while the draft loaded: nobody to connect, and the draft may unload.
          registry.left(draft);
          return;
        }
        const connection = connectClient(socket, draft, access, {
          log,
          onClose: () => {
            open.delete(connection);
            registry.left(draft);
          },
        });
        open.set(connection, { socket, draft, sessionId: access.sessionId });
        socket.resume();
      },
    }),
  );
  const stopKeepAlive = startKeepAlive(wss, options.pingIntervalMs ?? 30_000);
  // Permissions follow the person, not the moment the socket opened: each second every socket is
  // asked again, and one whose person lost access is closed; one demoted to reviewer turns read-only.
  const open = new Map<DraftConnection, { socket: WebSocket; draft: SharedDraft; sessionId: string | null }>();
  // A tenth of the sockets every tenth of the interval: each is still asked once per interval,
  // and no single pass holds the event loop for long. Measured with 1,000 sockets: all at once
  // put the bench's p99 at 7.5 ms, a tenth at a time at 2.8 ms (one at a time: 116 ms).
  const recheckSlices = 10;
  let recheckSlice = 0;
  let rechecking = false;
  const recheckNextSlice = async () => {
    const all = [...open];
    const perSlice = Math.ceil(all.length / recheckSlices);
    const checked = all.slice(recheckSlice * perSlice, (recheckSlice + 1) * perSlice);
    recheckSlice = (recheckSlice + 1) % recheckSlices;
    if (checked.length === 0) return;
    let verdicts: Awaited<ReturnType<typeof recheckCollabAccess>>;
    try {
      verdicts = await recheckCollabAccess(
        engine,
        checked.map(([connection, { draft, sessionId }]) => ({ userId: connection.user.id, draftId: draft.draftId, sessionId })),
        now(),
      );
    } catch (error) {
      log(`[collab] permission check failed, sockets kept for now: ${String(error)}`);
      return;
    }
    for (const [i, [connection, { socket, draft }]] of checked.entries()) {
      const verdict = verdicts[i];
      // Gone while the database was asked: nothing left to decide.
      if (!open.has(connection)) continue;
      if (verdict.ok) {
        connection.access = verdict.access;
        continue;
      }
      open.delete(connection);
      draft.disconnect(connection);
      socket.close(verdict.code, verdict.reason);
      // A kick is a security event: it goes into the audit chain.
      try {
        const kick = { actorId: null, action: 'collab.kick', targetType: 'draft', targetId: draft.draftId, detail: { userId: connection.user.id, code: verdict.code, reason: verdict.reason } } as const;
        if (sqliteDb) recordAudit(sqliteDb, kick, now());
        else void appendAudit(engine, kick, now()).catch((error: unknown) => log(`[collab] the kick of draft ${draft.draftId} was not audited: ${String(error)}`));
      } catch (error) {
        log(`[collab] could not audit a kick: ${String(error)}`);
      }
    }
  };
  const recheck = setInterval(() => {
    // A slow database must not pile passes up: a pass still running skips its turn.
    if (rechecking) return;
    rechecking = true;
    void recheckNextSlice().finally(() => (rechecking = false));
  }, (options.recheckIntervalMs ?? 1000) / recheckSlices);
  recheck.unref();

  return new Promise((resolve, reject) => {
    const failed = (error: Error) => {
      stopKeepAlive();
      reject(error);
    };
    server.once('error', failed);
    server.listen(options.port, options.host ?? '0.0.0.0', () => {
      server.off('error', failed);
      server.on('error', (error) => log(`[collab] ${String(error)}`));
      const stopCheckpointer = options.backgroundCheckpoints === false || !sqliteDb ? async () => {} : startWalCheckpointer(sqliteDb);
      const address = server.address();
      resolve({
        port: typeof address === 'object' && address ? address.port : options.port,
        stats: () => ({ drafts: registry.size, connections: wss.clients.size }),
        compactAll: () => registry.compactAll(),
        close: () =>
          new Promise<void>((done) => {
            stopKeepAlive();
            clearInterval(recheck);
            for (const socket of wss.clients) socket.close(collabCloseCodes.goingAway, 'server shutting down');
            void registry.closeAll().then(() => {
              void relay.close();
              wss.close();
              server.closeAllConnections();
              server.close(() => void stopCheckpointer().then(done));
            });
          }),
      });
    });
  });
}
