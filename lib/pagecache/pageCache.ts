/// A rendered page as kept: its bytes and the headers to answer with.
export interface CachedPage {
  body: Uint8Array;
  headers: [string, string][];
}

/// Rendered public pages of the library, kept while the library's change count (its generation)
/// stays what it was when they were made: the first read at a newer count empties the cache.
/// Least recently used pages go first once `maxBytes` is reached.
export class PageCache {
  private pages = new Map<string, CachedPage>();
  private generation = -1;
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  /// The page kept under `key`, if it was made at `generation`.
  get(key: string, generation: number): CachedPage | null {
    this.moveTo(generation);
    const page = this.pages.get(key);
    if (!page) return null;
    // Map order is insertion order: re-inserting marks it most recently used.
    this.pages.delete(key);
    this.pages.set(key, page);
    return page;
  }

  /// Keeps a page made at `generation` (ignored if the library has since moved on).
  set(key: string, generation: number, page: CachedPage): void {
    this.moveTo(generation);
    if (generation !== this.generation || page.body.byteLength > this.maxBytes / 4) return;
    const old = this.pages.get(key);
    if (old) this.bytes -= old.body.byteLength;
    this.pages.delete(key);
    this.pages.set(key, page);
    this.bytes += page.body.byteLength;
    for (const [k, p] of this.pages) {
      if (this.bytes <= this.maxBytes) break;
      this.pages.delete(k);
      this.bytes -= p.body.byteLength;
    }
  }

  /// How many pages are kept, and their bytes.
  get size(): { pages: number; bytes: number } {
    return { pages: this.pages.size, bytes: this.bytes };
  }

  private moveTo(generation: number): void {
    if (generation <= this.generation) return;
    this.generation = generation;
    this.pages.clear();
    this.bytes = 0;
  }
}
