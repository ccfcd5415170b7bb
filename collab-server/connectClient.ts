import type { WebSocket, RawData } from 'ws';
import type { CurrentUser } from '@/lib/auth';
import { collabCloseCodes } from '@/lib/editor';
import { encodePermissionDenied, encodeSyncStep2, MalformedMessage, parseClientMessage } from './protocol';
import { ReadOnlyViolation, SchemaViolation, StoreFailed, type DraftConnection, type SharedDraft } from './sharedDraft';

/// A slow reader holding more than this many unsent bytes is dropped (it resyncs on reconnect)
/// rather than letting one stalled tab grow the server's memory without bound.
const maxBufferedBytes = 64 * 1024 * 1024;

/// Binds an authorized socket to its shared draft: greets it, answers its frames, and detaches
/// it (removing its presence) when it closes. A malformed frame closes this socket only, 4400; a
/// change from a read-only socket is refused (auth "permission denied" frame, then 4403
/// "read-only"); an update that does not fit the draft's schema closes it with 4422 (and is
/// logged); an update that could not be stored closes it with 1011 so the client resends it.
export function connectClient(
  socket: WebSocket,
  draft: SharedDraft,
  client: { user: CurrentUser; access: 'write' | 'read' },
  hooks: { onClose: () => void; log?: (message: string) => void },
): DraftConnection {
  const log = hooks.log ?? console.error;
  const connection: DraftConnection = {
    user: client.user,
    access: client.access,
    awarenessIds: new Set(),
    send: (frame) => {
      if (socket.readyState !== socket.OPEN) return;
      if (socket.bufferedAmount > maxBufferedBytes) {
        socket.terminate();
        return;
      }
      socket.send(frame);
    },
  };
  const close = (code: number, reason: string) => {
    draft.disconnect(connection);
    socket.close(code, reason);
  };

  /// Ends the connection as `error` calls for (see above).
  const refuse = (error: unknown) => {
    if (error instanceof ReadOnlyViolation) {
      connection.send(encodePermissionDenied('read-only'));
      close(collabCloseCodes.forbidden, 'read-only');
    } else if (error instanceof SchemaViolation) {
      log(`[collab] draft ${draft.draftId}: update refused, it does not fit the schema: ${error.message}`);
      close(collabCloseCodes.schemaViolation, 'update does not fit the schema');
    } else if (error instanceof MalformedMessage) {
      close(collabCloseCodes.malformedMessage, 'malformed message');
    } else if (error instanceof StoreFailed) {
      log(`[collab] draft ${draft.draftId}: update not stored, connection closed: ${error.message}`);
      close(collabCloseCodes.internalError, 'update not stored, retry');
    } else {
      log(`[collab] draft ${draft.draftId}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      close(collabCloseCodes.internalError, 'server error');
    }
  };

  socket.on('message', (data: RawData, isBinary: boolean) => {
    if (!draft.connections.has(connection)) return;
    if (!isBinary) return close(collabCloseCodes.malformedMessage, 'binary frames only');
    const bytes = toUint8Array(data);
    try {
      const message = parseClientMessage(bytes);
      switch (message.type) {
        case 'sync-step-1':
          connection.send(encodeSyncStep2(draft.doc, message.stateVector));
          break;
        case 'sync-step-2':
        case 'update':
          // Settles once the update is stored and relayed (at once with a synchronous store).
          draft.receiveUpdate(connection, message.update).catch(refuse);
          break;
        case 'awareness':
          draft.receiveAwareness(connection, message.update);
          break;
        case 'query-awareness':
          draft.sendAwarenessTo(connection);
          break;
      }
    } catch (error) {
      refuse(error);
    }
  });
  socket.on('close', () => {
    draft.disconnect(connection);
    hooks.onClose();
  });
  socket.on('error', () => {
    // 'close' follows; the error itself (reset by peer, payload too big) needs no handling.
  });
  draft.connect(connection);
  return connection;
}

function toUint8Array(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
