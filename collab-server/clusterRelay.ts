/// What one open draft hears from the other collaboration instances.
export type RelayListener = {
  /// A document update another instance accepted (it is already stored).
  update: (update: Uint8Array) => void;
  /// A presence (awareness) update from another instance's clients.
  awareness: (update: Uint8Array) => void;
  /// The channel is (again) being heard: read what was stored meanwhile, since nothing
  /// published before this moment will arrive.
  catchUp: () => void;
};

/// What instances tell each other: an update, a presence update, or "read what I stored: some
/// of it was never published" (sent by an instance whose publishing connection came back).
export type RelayKind = 'update' | 'awareness' | 'catchUp';

/// How collaboration instances share what their clients do on the same draft. With one instance
/// it is `noRelay`; with several, `redisRelay` (per-draft Redis channels).
export type ClusterRelay = {
  /// Starts hearing `draftId`; the listener's `catchUp` runs once the channel is heard.
  join: (draftId: string, listener: RelayListener) => void;
  /// Stops hearing `draftId`.
  leave: (draftId: string) => void;
  /// Tells the other instances; never throws (an instance cut off keeps serving its own clients).
  publish: (draftId: string, kind: Exclude<RelayKind, 'catchUp'>, payload: Uint8Array) => void;
  close: () => Promise<void>;
  /// For the health check: `alone` (no relay), `connected`, or `unreachable` (serving only this
  /// instance's clients until it returns).
  state: () => 'alone' | 'connected' | 'unreachable';
};

/// The relay of a lone instance: nobody to tell, nothing to hear.
export const noRelay: ClusterRelay = {
  join: () => {},
  leave: () => {},
  publish: () => {},
  state: () => 'alone',
  close: async () => {},
};

const kindCodes: Record<RelayKind, number> = { update: 0, awareness: 1, catchUp: 2 };
const kindOfCode = new Map(Object.entries(kindCodes).map(([kind, code]) => [code, kind as RelayKind]));

/// Length of the sending instance's id at the head of every message.
export const instanceIdBytes = 8;

/// One relayed message: the kind (1 byte), the sending instance (8 bytes), the payload.
export function encodeRelayMessage(kind: RelayKind, instance: Uint8Array, payload: Uint8Array): Buffer {
  if (instance.byteLength !== instanceIdBytes) throw new Error(`an instance id is ${instanceIdBytes} bytes`);
  const message = Buffer.allocUnsafe(1 + instanceIdBytes + payload.byteLength);
  message[0] = kindCodes[kind];
  message.set(instance, 1);
  message.set(payload, 1 + instanceIdBytes);
  return message;
}

/// Reads a relayed message; null for anything that is not one (a stranger on the channel).
export function decodeRelayMessage(message: Uint8Array): { kind: RelayKind; instance: Uint8Array; payload: Uint8Array } | null {
  const kind = kindOfCode.get(message[0]);
  if (!kind || message.byteLength < 1 + instanceIdBytes + (kind === 'catchUp' ? 0 : 1)) return null;
  return { kind, instance: message.subarray(1, 1 + instanceIdBytes), payload: message.subarray(1 + instanceIdBytes) };
}
