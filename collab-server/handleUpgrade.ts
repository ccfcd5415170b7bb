import type http from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket, WebSocketServer } from 'ws';
import { z } from 'zod';
import type { CollabAccess } from '@/lib/drafting';
import { collabCloseCodes } from '@/lib/editor';

/// What the upgrade handler reads from the request: the room (the URL path after the last `/`,
/// the draft id), the `ticket` query parameter and the Cookie header.
export const upgradeRequestSchema = z.object({
  room: z.string().min(1).max(200),
  ticket: z.string().max(200).nullable(),
  cookieHeader: z.string().max(16_384).nullable(),
  origin: z.string().max(2_000).nullable(),
  host: z.string().max(500).nullable(),
});

/// Reads room, ticket, cookie, Origin and Host from an upgrade request; null when they are unusable.
export function readUpgradeRequest(req: http.IncomingMessage): z.infer<typeof upgradeRequestSchema> | null {
  let room = '';
  let ticket: string | null = null;
  try {
    const url = new URL(req.url ?? '/', 'http://collab.invalid');
    room = decodeURIComponent(url.pathname.slice(url.pathname.lastIndexOf('/') + 1));
    ticket = url.searchParams.get('ticket');
  } catch {
    return null;
  }
  const parsed = upgradeRequestSchema.safeParse({ room, ticket, cookieHeader: req.headers.cookie ?? null, origin: req.headers.origin ?? null, host: req.headers.host ?? null });
  return parsed.success ? parsed.data : null;
}

/// Builds the HTTP 'upgrade' listener: authorizes the request (`authorize` may answer later) before
/// any document data, then completes the WebSocket handshake either way — a refused socket is
/// closed at once with its 44xx code and a short reason (browsers report a plain HTTP 401 as an
/// opaque 1006).
export function createUpgradeHandler(options: {
  wss: WebSocketServer;
  authorize: (input: { room: string; ticket: string | null; cookieHeader: string | null; origin: string | null; host: string | null }) => CollabAccess | Promise<CollabAccess>;
  onAuthorized: (socket: WebSocket, access: Extract<CollabAccess, { ok: true }>) => void | Promise<void>;
  log?: (message: string) => void;
}) {
  const log = options.log ?? console.error;
  // Whether the request may open its socket: refused for an unusable request, a server error for
  // an authorization that failed, else what `authorize` decided.
  const decide = async (req: http.IncomingMessage): Promise<CollabAccess> => {
    const input = readUpgradeRequest(req);
    if (!input) return { ok: false, code: collabCloseCodes.noSuchDraft, reason: 'no such draft' };
    try {
      return await options.authorize(input);
    } catch (error) {
      log(`[collab] authorization failed: ${String(error)}`);
      return { ok: false, code: collabCloseCodes.internalError, reason: 'server error' };
    }
  };
  return (req: http.IncomingMessage, rawSocket: Duplex, head: Buffer) => {
    rawSocket.on('error', () => rawSocket.destroy());
    // The handshake completes once the answer is known; a socket that went away meanwhile is
    // destroyed by `ws` (it checks the socket is still readable and writable).
    void decide(req).then((access) => {
      options.wss.handleUpgrade(req, rawSocket, head, (socket) => {
        socket.on('error', () => {});
        if (!access.ok) {
          socket.close(access.code, access.reason);
          return;
        }
        const failed = (error: unknown) => {
          log(`[collab] could not open draft ${access.draftId}: ${String(error)}`);
          socket.close(collabCloseCodes.internalError, 'server error');
        };
        try {
          void Promise.resolve(options.onAuthorized(socket, access)).catch(failed);
        } catch (error) {
          failed(error);
        }
      });
    });
  };
}
