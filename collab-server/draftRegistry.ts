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

type Entry = { draft: SharedDraft; pendingRows: number; retryAfter: number; compactTimer?: NodeJS.Timeout; unloadTimer?: NodeJS.Timeout };

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

  const compact = (draftId: string) => {
    const entry = entries.get(draftId);
    if (!entry) return;
    clearTimeout(entry.compactTimer);
    entry.compactTimer = undefined;
    if (entry.pendingRows === 0) return;
    try {
      persistence.compact(draftId);
      entry.pendingRows = 0;
    } catch (error) {
      // The rows stay and are merged next time; nothing is lost by waiting, so back off rather
      // than retry on every keystroke.
      entry.retryAfter = Date.now() + timing.compactAfterIdleMs;
      log(`[collab] compaction of draft ${draftId} failed: ${String(error)}`);
    }
  };

  const scheduleCompaction = (entry: Entry) => {
    if (entry.pendingRows >= timing.compactAfterUpdates && Date.now() >= entry.retryAfter) {
      clearTimeout(entry.compactTimer);
      entry.compactTimer = setTimeout(() => compact(entry.draft.draftId), 0).unref();
    } else if (entry.compactTimer) {
      entry.compactTimer.refresh();
    } else {
      entry.compactTimer = setTimeout(() => compact(entry.draft.draftId), timing.compactAfterIdleMs).unref();
    }
  };

  const unload = (draftId: string) => {
    const entry = entries.get(draftId);
    if (!entry || entry.draft.connections.size > 0) return;
    compact(draftId);
    clearTimeout(entry.unloadTimer);
    entries.delete(draftId);
    relay.leave(draftId);
    entry.draft.destroy();
  };

  return {
    /// The shared draft for `draftId`, loading it if needed; null when the draft does not exist.
    open(draftId: string): SharedDraft | null {
      const existing = entries.get(draftId);
      if (existing) {
        clearTimeout(existing.unloadTimer);
        existing.unloadTimer = undefined;
        return existing.draft;
      }
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
        loaded = persistence.loadDocument(draftId, entry.draft.doc);
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
        catchUp: () => void persistence.loadDocument(draftId, draft.doc),
      });
      if (entry.pendingRows > 0) scheduleCompaction(entry);
      return entry.draft;
    },

    /// Called after a connection left `draft`: starts the unload timer when it was the last.
    left(draft: SharedDraft): void {
      const entry = entries.get(draft.draftId);
      if (!entry || entry.draft !== draft || draft.connections.size > 0) return;
      clearTimeout(entry.unloadTimer);
      entry.unloadTimer = setTimeout(() => unload(draft.draftId), timing.unloadAfterMs).unref();
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
    compactAll(): void {
      for (const id of entries.keys()) compact(id);
    },

    /// Compacts and frees every draft (the server is closing).
    closeAll(): void {
      for (const [id, entry] of entries) {
        compact(id);
        clearTimeout(entry.unloadTimer);
        relay.leave(id);
        entry.draft.destroy();
      }
      entries.clear();
    },
  };
}

/// The registry of open drafts.
export type DraftRegistry = ReturnType<typeof createDraftRegistry>;
