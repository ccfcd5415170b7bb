import { getEngine } from '@/db/engine';
import { readLibraryGeneration } from '@/lib/library';
import { PageCache } from './pageCache';

/// The library pages everyone reads and nobody's session changes: a regulation and one of its
/// articles (with or without `?at=`). Their history and comparison pages are rendered each time.
export function isCachedPublicPath(pathname: string): boolean {
  return /^\/regulations\/[^/]+(?:\/articles\/[^/]+)?\/?$/.test(pathname);
}

/// What a cached page is kept under: the path with its query, the language it is shown in, and
/// the China date (status and the default "as in force on" day change at midnight).
export function publicPageKey(p: { path: string; locale: string; today: string }): string {
  return `${p.today} ${p.locale} ${p.path}`;
}

const slot = Symbol.for('lawbench.publicPageCache');

/// The process's cache of public pages (64 MB), shared by every bundle that runs in the process.
export function publicPageCache(): PageCache {
  const g = globalThis as { [slot]?: PageCache };
  g[slot] ??= new PageCache(64 * 1024 * 1024);
  return g[slot];
}

/// The library's change count now, read from the database (a one-row primary-key read).
export function libraryGenerationNow(): Promise<number> {
  return readLibraryGeneration(getEngine());
}
