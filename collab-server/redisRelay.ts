import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { decodeRelayMessage, encodeRelayMessage, type ClusterRelay, type RelayKind, type RelayListener } from './clusterRelay';

/// Options of `redisRelay`.
export type RedisRelayOptions = {
  /// `redis://host:port[/db]`, as in `REDIS_URL`.
  url: string;
  /// Prefix of the channel names, so several deployments can share one Redis (default `lawbench`).
  prefix?: string;
  log?: (message: string) => void;
  /// Longest wait between two reconnection attempts (default 2 s).
  maxRetryDelayMs?: number;
};

/// The relay of a collaboration instance among several: each open draft has a Redis channel
/// (`<prefix>:collab:draft:<id>`) on which instances publish the updates they accepted (after
/// storing them) and their clients' presence. A draft catches up from the database each time its
/// channel starts being heard (on join and after Redis comes back), so an update published while
/// nobody was listening is read from where it was stored first. While Redis is unreachable the
/// instance keeps serving its own clients and says so in the log.
export function redisRelay(options: RedisRelayOptions): ClusterRelay {
  const log = options.log ?? ((message: string) => console.error(message));
  const prefix = `${options.prefix ?? 'lawbench'}:collab:draft:`;
  const self = randomBytes(8);
  const listeners = new Map<string, RelayListener>();
  const retryStrategy = (attempt: number) => Math.min(attempt * 100, options.maxRetryDelayMs ?? 2000);
  // Publishing fails fast while Redis is away (no queue building up); subscribing is what
  // reconnection restores, so the subscriber keeps its own connection.
  const publisher = new Redis(options.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy, lazyConnect: true });
  const subscriber = new Redis(options.url, { autoResubscribe: false, maxRetriesPerRequest: null, retryStrategy, lazyConnect: true });
  let closing = false;
  let cutOff = false;

  const reportDown = (error?: unknown) => {
    if (closing || cutOff) return;
    cutOff = true;
    log(`[collab] Redis at ${redactUrl(options.url)} is unreachable${error ? ` (${String(error)})` : ''}: edits reach only this instance's clients until it returns`);
  };
  for (const connection of [publisher, subscriber]) {
    connection.on('error', (error) => reportDown(error));
    connection.on('close', () => reportDown());
  }

  const hear = async (draftIds: string[]) => {
    if (draftIds.length === 0) return;
    await subscriber.subscribe(...draftIds.map((id) => prefix + id));
    for (const id of draftIds) {
      try {
        listeners.get(id)?.catchUp();
      } catch (error) {
        log(`[collab] draft ${id}: catching up failed: ${String(error)}`);
      }
    }
  };

  subscriber.on('ready', () => {
    const drafts = [...listeners.keys()];
    hear(drafts).then(
      () => {
        if (!cutOff) return;
        cutOff = false;
        log(`[collab] Redis at ${redactUrl(options.url)} is reachable again; ${drafts.length} open draft(s) caught up from the database`);
      },
      (error) => log(`[collab] subscribing after reconnection failed: ${String(error)}`),
    );
  });
  // What this instance's clients did while it could not publish reached the database only: the
  // others are asked to read it from there.
  publisher.on('ready', () => {
    for (const id of listeners.keys()) publisher.publish(prefix + id, encodeRelayMessage('catchUp', self, new Uint8Array())).catch((error) => reportDown(error));
  });
  subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => {
    const draftId = channel.toString().slice(prefix.length);
    const listener = listeners.get(draftId);
    const decoded = decodeRelayMessage(message);
    if (!listener || !decoded || self.equals(decoded.instance)) return;
    try {
      if (decoded.kind === 'catchUp') listener.catchUp();
      else listener[decoded.kind](decoded.payload);
    } catch (error) {
      log(`[collab] draft ${draftId}: a relayed ${decoded.kind} could not be applied: ${String(error)}`);
    }
  });
  publisher.connect().catch((error) => reportDown(error));
  subscriber.connect().catch((error) => reportDown(error));

  return {
    join(draftId, listener) {
      listeners.set(draftId, listener);
      // Not ready: the 'ready' handler subscribes every joined draft when the connection comes.
      if (subscriber.status === 'ready') hear([draftId]).catch((error) => log(`[collab] draft ${draftId}: subscribing failed: ${String(error)}`));
    },
    leave(draftId) {
      if (!listeners.delete(draftId)) return;
      if (subscriber.status === 'ready') subscriber.unsubscribe(prefix + draftId).catch(() => {});
    },
    publish(draftId: string, kind: Exclude<RelayKind, 'catchUp'>, payload: Uint8Array) {
      if (publisher.status !== 'ready') return;
      publisher.publish(prefix + draftId, encodeRelayMessage(kind, self, payload)).catch((error) => reportDown(error));
    },
    state: () => (publisher.status === 'ready' && subscriber.status === 'ready' ? 'connected' : 'unreachable'),
    async close() {
      closing = true;
      listeners.clear();
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}

/// The URL without its password, for the log.
function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'REDIS_URL';
  }
}
