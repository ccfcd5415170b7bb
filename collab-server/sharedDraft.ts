import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { CurrentUser } from '@/lib/auth';
import { presenceColour, type DraftProblem } from '@/lib/editor';
import { encodeAwareness, encodeSyncStep1, encodeUpdate, MalformedMessage } from './protocol';
import { filterAwarenessUpdate } from './filterAwarenessUpdate';
import { updateChangesDoc } from './updateChangesDoc';
import { schemaProblemsOfUpdate } from './schemaProblemsOfUpdate';

/// One open socket on a draft as the shared document sees it.
export type DraftConnection = {
  user: CurrentUser;
  access: 'write' | 'read';
  /// Sends one frame (dropped silently if the socket is no longer open).
  send: (frame: Uint8Array) => void;
  /// The awareness client ids this connection speaks for; removed when it leaves.
  awarenessIds: Set<number>;
};

/// The most a presence state may weigh: a name, a colour, a cursor and an article id need far less.
export const maxPresenceBytes = 8 * 1024;

/// What others are shown of a presence: nothing if it is oversized; otherwise the client's state
/// with its `user` replaced by the server's view of the person (name and colour), whatever the
/// client claimed. A removal (`null`) passes as it is.
function presenceAsServerSeesIt(state: string, connection: DraftConnection): string | null {
  if (Buffer.byteLength(state) > maxPresenceBytes) return null;
  const parsed: unknown = JSON.parse(state);
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return state;
  const { id, name } = connection.user;
  return JSON.stringify({ ...parsed, user: { id, name, color: presenceColour(id) } });
}

/// Thrown when a read-only connection sends a change; the connection is closed with 4403.
export class ReadOnlyViolation extends Error {}

/// Thrown when the update could not be stored; nothing was applied or relayed.
export class StoreFailed extends Error {}

const storeFailed = (error: unknown) => new StoreFailed(error instanceof Error ? error.message : String(error));

/// Thrown when an update would put into the draft what its schema has no place for; nothing was
/// stored, applied or relayed, and the connection is closed with 4422.
export class SchemaViolation extends Error {
  constructor(readonly problems: DraftProblem[]) {
    const named = problems.slice(0, 3).map((p) => `${p.where}: ${p.what}`);
    super(problems.length > 3 ? `${named.join('; ')}; and ${problems.length - 3} more` : named.join('; '));
  }
}

/// What a shared draft needs from the outside (Hocuspocus-style hooks).
export type SharedDraftHooks = {
  /// Stores an update durably before it is applied and relayed; throwing (or rejecting) refuses
  /// it. A store that answers at once (SQLite) keeps the whole path synchronous; one that returns
  /// a promise (a database server) holds the draft's later updates in a queue until it settles.
  storeUpdate: (update: Uint8Array, connection: DraftConnection) => void | Promise<void>;
  /// Called after an update has been stored and applied (compaction scheduling).
  afterUpdate?: () => void;
  /// Tells the other collaboration instances of an update accepted here (after it was stored) or
  /// of a presence change made here.
  publish?: (kind: 'update' | 'awareness', payload: Uint8Array) => void;
};

/// The origin of what another collaboration instance relayed.
const remoteOrigin = 'remote';

/// The in-memory Yjs document of one open draft, with its awareness and connections: applies
/// accepted updates (stored first, through `hooks.storeUpdate`), relays them and presence.
export class SharedDraft {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Set<DraftConnection>();
  private readonly awarenessOwners = new Map<number, DraftConnection>();
  private echoToOrigin = false;
  /// Settles when the last update taken in has been stored and applied (or refused); null when
  /// none is in flight. Updates wait behind it, so they are checked, stored, applied and relayed
  /// one at a time, in the order they arrived.
  private inFlight: Promise<void> | null = null;

  constructor(
    readonly draftId: string,
    private readonly hooks: SharedDraftHooks,
  ) {
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      const frame = encodeUpdate(update);
      // The sender already has what it sent, unless the update also released structs that were
      // waiting (pending) for it, which the sender may never have seen.
      const skip = !this.echoToOrigin && this.connections.has(origin as DraftConnection) ? origin : null;
      for (const c of this.connections) if (c !== skip) c.send(frame);
    });
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  /// Adds a connection and greets it: sync step 1 and the current presence of the others.
  connect(connection: DraftConnection): void {
    this.connections.add(connection);
    connection.send(encodeSyncStep1(this.doc));
    const states = this.awareness.getStates();
    if (states.size > 0) {
      connection.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...states.keys()])));
    }
  }

  /// Removes a connection and the presence it spoke for (the others see its cursor disappear).
  disconnect(connection: DraftConnection): void {
    if (!this.connections.delete(connection)) return;
    const ids = [...connection.awarenessIds].filter((id) => this.awarenessOwners.get(id) === connection);
    for (const id of ids) this.awarenessOwners.delete(id);
    connection.awarenessIds.clear();
    if (ids.length) awarenessProtocol.removeAwarenessStates(this.awareness, ids, null);
  }

  /// Handles a sync step 2 or update from a client: a no-op is ignored, a change from a
  /// read-only connection is refused with `ReadOnlyViolation`, a change that does not fit the
  /// draft's schema with `SchemaViolation` (see `schemaProblemsOfUpdate`), an undecodable update
  /// with `MalformedMessage`; any other change is stored, then applied and relayed, never before
  /// its store has succeeded (`StoreFailed` when it did not). With nothing in flight and a store
  /// that answers at once, all of that has happened when this returns; otherwise the update waits
  /// its turn; it is taken even if its socket has closed meanwhile (it was sent while open, as a
  /// synchronous store would have taken it on arrival), checked against the access the
  /// connection has by then.
  receiveUpdate(connection: DraftConnection, update: Uint8Array): Promise<'applied' | 'unchanged'> {
    if (this.inFlight) return this.track(this.inFlight.then(() => this.takeUpdate(connection, update)));
    try {
      const outcome = this.takeUpdate(connection, update);
      return typeof outcome === 'string' ? Promise.resolve(outcome) : this.track(outcome);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /// Settles once every update taken in so far has been stored and applied, or refused.
  whenIdle(): Promise<void> {
    return this.inFlight ?? Promise.resolve();
  }

  /// Makes `turn` the one later updates wait behind, until it settles.
  private track<T>(turn: Promise<T>): Promise<T> {
    const settled: Promise<void> = turn.then(
      () => {},
      () => {},
    );
    this.inFlight = settled;
    void settled.then(() => {
      if (this.inFlight === settled) this.inFlight = null;
    });
    return turn;
  }

  /// Checks one update against the document as it is now and stores it; applies it once stored.
  private takeUpdate(connection: DraftConnection, update: Uint8Array): 'applied' | 'unchanged' | Promise<'applied'> {
    let changes: boolean;
    try {
      changes = updateChangesDoc(this.doc, update);
    } catch (error) {
      throw new MalformedMessage(`undecodable update: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!changes) return 'unchanged';
    if (connection.access !== 'write') throw new ReadOnlyViolation('read-only');
    let problems: DraftProblem[];
    try {
      problems = schemaProblemsOfUpdate(this.doc, update);
    } catch (error) {
      throw new MalformedMessage(`update could not be applied: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (problems.length > 0) throw new SchemaViolation(problems);
    let stored: void | Promise<void>;
    try {
      stored = this.hooks.storeUpdate(update, connection);
    } catch (error) {
      throw storeFailed(error);
    }
    if (!stored) return this.applyStored(connection, update);
    return stored.then(
      () => this.applyStored(connection, update),
      (error: unknown) => {
        throw storeFailed(error);
      },
    );
  }

  /// Applies a stored update and relays it (to the clients here and, through `publish`, to the
  /// other instances); its sender too if it also released structs it may never have seen.
  private applyStored(connection: DraftConnection, update: Uint8Array): 'applied' {
    this.echoToOrigin = this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null;
    try {
      Y.applyUpdate(this.doc, update, connection);
    } catch (error) {
      // Stored but not fully integrated: the row stays (loading replays it the same way).
      throw new MalformedMessage(`update could not be applied: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.echoToOrigin = false;
    }
    this.hooks.afterUpdate?.();
    this.hooks.publish?.('update', update);
    return 'applied';
  }

  /// Applies an update another instance accepted and stored, relaying it to this instance's
  /// clients; one already known changes nothing and is sent to nobody.
  applyRemoteUpdate(update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, remoteOrigin);
  }

  /// Applies presence from another instance's clients, except for client ids a connection of this
  /// instance speaks for (a client that moved here keeps its presence).
  applyRemoteAwareness(update: Uint8Array): void {
    const allowed = filterAwarenessUpdate(update, (id) => !this.awarenessOwners.has(id), (state) => state);
    if (allowed) awarenessProtocol.applyAwarenessUpdate(this.awareness, allowed, remoteOrigin);
  }

  /// Applies a client's awareness update, keeping only entries for client ids that are not
  /// spoken for by another connection (a reconnect of the same user takes its ids over).
  receiveAwareness(connection: DraftConnection, update: Uint8Array): void {
    let allowed: Uint8Array | null;
    // One presence per socket: once it speaks for an id (before, or earlier in this update), it
    // speaks for that one only.
    let speaksFor: number | undefined = connection.awarenessIds.values().next().value;
    try {
      allowed = filterAwarenessUpdate(
        update,
        (id) => {
          if (speaksFor !== undefined) return speaksFor === id;
          const owner = this.awarenessOwners.get(id);
          const holder = owner === undefined ? this.personHolding(id) : null;
          const mayTake = owner === undefined ? holder === null || holder === connection.user.id : owner === connection || owner.user.id === connection.user.id;
          if (mayTake) speaksFor = id;
          return mayTake;
        },
        (state) => presenceAsServerSeesIt(state, connection),
      );
    } catch (error) {
      throw new MalformedMessage(`undecodable awareness update: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (allowed) awarenessProtocol.applyAwarenessUpdate(this.awareness, allowed, connection);
  }

  /// Whose presence `id` is when no connection here speaks for it: another instance's client
  /// carries the person's id in its state (set by the server that accepted it); null for nobody.
  private personHolding(id: number): unknown {
    const state = this.awareness.getStates().get(id) as { user?: { id?: unknown } } | undefined;
    return state?.user?.id ?? null;
  }

  /// Sends every known presence state to one connection (answer to a query-awareness frame).
  sendAwarenessTo(connection: DraftConnection): void {
    const ids = [...this.awareness.getStates().keys()];
    if (ids.length) connection.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)));
  }

  /// Frees the document and its awareness timer.
  destroy(): void {
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }

  private onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    const from = this.connections.has(origin as DraftConnection) ? (origin as DraftConnection) : null;
    if (from) {
      for (const id of [...added, ...updated]) {
        const owner = this.awarenessOwners.get(id);
        if (owner === from) continue;
        owner?.awarenessIds.delete(id);
        this.awarenessOwners.set(id, from);
        from.awarenessIds.add(id);
      }
    }
    for (const id of removed) {
      const owner = this.awarenessOwners.get(id);
      if (owner && (owner === from || from === null)) {
        owner.awarenessIds.delete(id);
        this.awarenessOwners.delete(id);
      }
    }
    const changed = [...added, ...updated, ...removed];
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    // Made here (by a client, or by one leaving): the other instances hear of it. Expiry by
    // timeout happens on every instance by itself.
    if (from || origin === null) this.hooks.publish?.('awareness', update);
    const frame = encodeAwareness(update);
    // Echoed to the sender too: a lone y-websocket client counts its own renewals as the
    // "message received" that keeps it from reconnecting every 30 s.
    for (const c of this.connections) c.send(frame);
  };
}
