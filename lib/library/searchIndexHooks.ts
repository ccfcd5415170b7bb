import type { Db } from '@/db/client';

/// Keeps the search index on the version of a regulation that is current: called after every
/// import with the version that should be searchable and the one it replaces.
export type SearchIndexer = (db: Db, change: { index?: string; unindex?: string }) => void;

let indexer: SearchIndexer = () => {};

/// Installs the search indexer (lib/search registers itself; tests may install their own).
export function setSearchIndexer(fn: SearchIndexer): void {
  indexer = fn;
}

/// Runs the installed indexer.
export function updateSearchIndex(db: Db, change: { index?: string; unindex?: string }): void {
  indexer(db, change);
}
