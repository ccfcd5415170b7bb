import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as authProtocol from 'y-protocols/auth';

/// The y-websocket message types (first varuint of every frame).
export const messageType = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;

/// A client frame the server understands, decoded and checked to the last byte.
export type ClientMessage =
  | { type: 'sync-step-1'; stateVector: Uint8Array }
  | { type: 'sync-step-2'; update: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' };

/// Thrown for a frame that is not valid y-websocket protocol; the connection is closed with 4400.
export class MalformedMessage extends Error {}

/// Decodes one binary frame from a client. Throws `MalformedMessage` for garbage, truncation,
/// trailing bytes, an unknown message type or an undecodable state vector.
export function parseClientMessage(data: Uint8Array): ClientMessage {
  const decoder = decoding.createDecoder(data);
  let message: ClientMessage;
  try {
    const type = decoding.readVarUint(decoder);
    if (type === messageType.sync) {
      const step = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (step === syncProtocol.messageYjsSyncStep1) {
        Y.decodeStateVector(payload);
        message = { type: 'sync-step-1', stateVector: payload };
      } else if (step === syncProtocol.messageYjsSyncStep2) message = { type: 'sync-step-2', update: payload };
      else if (step === syncProtocol.messageYjsUpdate) message = { type: 'update', update: payload };
      else throw new MalformedMessage(`unknown sync step ${step}`);
    } else if (type === messageType.awareness) {
      message = { type: 'awareness', update: decoding.readVarUint8Array(decoder) };
    } else if (type === messageType.queryAwareness) {
      message = { type: 'query-awareness' };
    } else {
      throw new MalformedMessage(`unknown message type ${type}`);
    }
  } catch (error) {
    if (error instanceof MalformedMessage) throw error;
    throw new MalformedMessage(`undecodable message: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (decoding.hasContent(decoder)) throw new MalformedMessage('trailing bytes after the message');
  return message;
}

/// Sync step 1 from the server: its state vector, asking the client for what it lacks.
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageType.sync);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/// Sync step 2 from the server: everything in `doc` missing from the client's state vector.
export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageType.sync);
  syncProtocol.writeSyncStep2(encoder, doc, stateVector);
  return encoding.toUint8Array(encoder);
}

/// A document update frame, as relayed to the other clients of a draft.
export function encodeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageType.sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/// An awareness frame (presence: cursors, names) carrying an encoded awareness update.
export function encodeAwareness(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageType.awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/// The y-protocols "permission denied" auth frame; the stock client logs `reason`.
export function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageType.auth);
  authProtocol.writePermissionDenied(encoder, reason);
  return encoding.toUint8Array(encoder);
}
