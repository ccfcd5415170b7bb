import type { CollabPersistence } from './sqlitePersistence';
import { SharedDraft } from './sharedDraft';
import { noRelay, type ClusterRelay } from './clusterRelay';

/// When a draft is compacted and unloaded.
export type RegistryTiming = {
  /// Compact once this many updates have been appended since the last compaction.
  compactAfterUpdates: number;
  /// Compact when a draft has received no update for this long.
  compactAfterIdleMs: number;
  /// Unload (after compacting) a draft whose last client left this long ago.
  unloadAfterMs: number;
};

/// Defaults for production: compaction is rare enough to stay out of the typing path.
export const defaultRegistryTiming: RegistryTiming = { compactAfterUpdates: 500, compactAfterIdleMs: 30_000, unloadAfterMs: 30_000 };

type Entry = {
  draft: SharedDraft;
  pendingRows: number;
  retryAfter: number;
  /// The compaction under way, if any: one at a time per draft in this process.
  compacting?: Promise<void>;
  compactTimer?: NodeJS.Timeout;
  unloadTimer?: NodeJS.Timeout;
};

/// The open drafts of one server: loads a draft on its first connection, schedules compaction
/// in the background, and unloads (compacting first) a draft idle with no clients. Through
/// `relay`, an open draft hears the other instances and catches up from the database whenever
/// its channel starts being heard.
export function createDraftRegistry(
  persistence: CollabPersistence,
  timing: RegistryTiming,
  log: (message: string) => void = console.error,
  relay: ClusterRelay = noRelay,
) {
  const entries = new Map<string, Entry>();

  // Runs the compaction of one draft, unless one is already under way (then waits for that one).
  const compact = (draftId: string): Promise<void> => {
    const entry = entries.get(draftId);
    return entry ? compactEntry(entry) : Promise.resolve();
  };
  const compactEntry = (entry: Entry): Promise<void> => {
    const { draftId } = entry.draft;
    if (entry.compacting) return entry.compacting;
    clearTimeout(entry.compactTimer);
    entry.compactTimer = undefined;
    if (entry.pendingRows === 0) return Promise.resolve();
    // Updates stored while an answering-later compaction runs are counted again afterwards.
    const rows = entry.pendingRows;
    const run = Promise.resolve()
      .then(() => persistence.compact(draftId))
      .then(
        () => {
          entry.pendingRows = Math.max(0, entry.pendingRows - rows);
        },
        (error: unknown) => {
          // The rows stay and are merged next time; nothing is lost by waiting, so back off
          // rather than retry on every keystroke.
          entry.retryAfter = Date.now() + timing.compactAfterIdleMs;
          log(`[collab] compaction of draft ${draftId} failed: ${String(error)}`);
        },
      )
      .finally(() => {
        entry.compacting = undefined;
      });
    entry.compacting = run;
    return run;
  };

  const scheduleCompaction = (entry: Entry) => {
    if (entry.pendingRows >= timing.compactAfterUpdates && Date.now() >= entry.retryAfter) {
      clearTimeout(entry.compactTimer);
      entry.compactTimer = setTimeout(() => void compact(entry.draft.draftId), 0).unref();
    } else if (entry.compactTimer) {
      entry.compactTimer.refresh();
    } else {
      entry.compactTimer = setTimeout(() => void compact(entry.draft.draftId), timing.compactAfterIdleMs).unref();
    }
  };

  const unload = async (draftId: string) => {
    const entry = entries.get(draftId);
    if (!entry || entry.draft.connections.size > 0) return;
    // Updates its last clients sent may still be on their way to the store.
    await entry.draft.whenIdle();
    await compact(draftId);
    // Someone may have opened the draft while it was being compacted: then it stays.
    if (entries.get(draftId) !== entry || entry.draft.connections.size > 0 || entry.unloadTimer === undefined) return;
    clearTimeout(entry.unloadTimer);
    entries.delete(draftId);
    relay.leave(draftId);
    entry.draft.destroy();
  };

  // Drafts being loaded: a second connection to the same draft waits for the same load.
  const loading = new Map<string, Promise<Entry | null>>();

  const load = async (draftId: string): Promise<Entry | null> => {
    const entry: Entry = {
      pendingRows: 0,
      retryAfter: 0,
      draft: new SharedDraft(draftId, {
        storeUpdate: (update, connection) => persistence.storeUpdate(draftId, update, connection.user.id),
        afterUpdate: () => {
          entry.pendingRows++;
          scheduleCompaction(entry);
        },
        publish: (kind, payload) => relay.publish(draftId, kind, payload),
      }),
    };
    let loaded: { found: boolean; pendingRows: number };
    try {
      loaded = await persistence.loadDocument(draftId, entry.draft.doc);
    } catch (error) {
      entry.draft.destroy();
      throw error;
    }
    if (!loaded.found) {
      entry.draft.destroy();
      return null;
    }
    entry.pendingRows = loaded.pendingRows;
    entries.set(draftId, entry);
    const { draft } = entry;
    relay.join(draftId, {
      update: (update) => draft.applyRemoteUpdate(update),
      awareness: (update) => draft.applyRemoteAwareness(update),
      // Idempotent: what the doc already holds changes nothing and is relayed to nobody.
      catchUp: () =>
        void Promise.resolve()
          .then(() => persistence.loadDocument(draftId, draft.doc))
          .catch((error: unknown) => log(`[collab] catching up draft ${draftId} failed: ${String(error)}`)),
    });
    if (entry.pendingRows > 0) scheduleCompaction(entry);
    return entry;
  };

  return {
    /// The shared draft for `draftId`, loading it if needed; null when the draft does not exist.
    /// A draft opened again while it waits to be unloaded stays.
    async open(draftId: string): Promise<SharedDraft | null> {
      const existing = entries.get(draftId);
      if (existing) {
        clearTimeout(existing.unloadTimer);
        existing.unloadTimer = undefined;
        return existing.draft;
      }
      let pending = loading.get(draftId);
      if (!pending) {
        pending = load(draftId).finally(() => loading.delete(draftId));
        loading.set(draftId, pending);
      }
      return (await pending)?.draft ?? null;
    },

    /// Called after a connection left `draft`: starts the unload timer when it was the last.
    left(draft: SharedDraft): void {
      const entry = entries.get(draft.draftId);
      if (!entry || entry.draft !== draft || draft.connections.size > 0) return;
      clearTimeout(entry.unloadTimer);
      entry.unloadTimer = setTimeout(() => void unload(draft.draftId), timing.unloadAfterMs).unref();
    },

    /// The drafts currently in memory.
    get size(): number {
      return entries.size;
    },

    /// Whether `draftId` is in memory.
    has(draftId: string): boolean {
      return entries.has(draftId);
    },

    /// Compacts every open draft now (shutdown, tests).
    async compactAll(): Promise<void> {
      await Promise.all([...entries.keys()].map((id) => compact(id)));
    },

    /// Compacts and frees every draft (the server is closing).
    async closeAll(): Promise<void> {
      const closing = [...entries.values()];
      entries.clear();
      await Promise.all(
        closing.map(async (entry) => {
          clearTimeout(entry.unloadTimer);
          relay.leave(entry.draft.draftId);
          await entry.draft.whenIdle();
          await compactEntry(entry);
          entry.draft.destroy();
        }),
      );
    },
  };
}

/// The registry of open drafts.
export type DraftRegistry = ReturnType<typeof createDraftRegistry>;
