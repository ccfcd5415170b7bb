/// The articles a ranked search has met, each with the points it is known to have (a lower
/// bound of its score until every term is known), a bit per term whose points are known, and the
/// points it may still have from longer words whose driver posting was met but whose text is not
/// yet checked (`pending`, an upper bound, with a bit per such word); plus the k best lower
/// bounds in a min-heap, so that θ — the k-th best score known to be reached — is always at
/// hand. Points only ever grow, which is what keeps the heap simple.
export class CandidateTable {
  size = 0;
  ids = new Float64Array(1024);
  points = new Float64Array(1024);
  known = new Uint32Array(1024);
  pending = new Float64Array(1024);
  pendingBits = new Uint32Array(1024);
  private slotOf: Int32Array;
  private heap: Int32Array;
  private heapSize = 0;
  private heapAt = new Int32Array(1024).fill(-1);

  constructor(readonly k: number, maxArticleId: number) {
    this.slotOf = new Int32Array(Math.max(maxArticleId, 0) + 1);
    this.heap = new Int32Array(k);
  }

  /// The slot of an article, or -1 when it has not been met.
  slot(articleId: number): number {
    return articleId < this.slotOf.length ? this.slotOf[articleId] - 1 : -1;
  }

  /// Takes in an article met for the first time; returns its slot.
  add(articleId: number): number {
    if (articleId >= this.slotOf.length) {
      const grown = new Int32Array(Math.max(articleId + 1, this.slotOf.length * 2));
      grown.set(this.slotOf);
      this.slotOf = grown;
    }
    if (this.size === this.ids.length) this.grow();
    const s = this.size++;
    this.slotOf[articleId] = s + 1;
    this.ids[s] = articleId;
    this.points[s] = 0;
    this.known[s] = 0;
    this.pending[s] = 0;
    this.pendingBits[s] = 0;
    this.heapAt[s] = -1;
    return s;
  }

  /// Notes that word `bit` may add up to `bound` points to a slot (its text not yet checked).
  hold(s: number, bound: number, bit: number): void {
    this.pending[s] += bound;
    this.pendingBits[s] |= bit;
  }

  /// Takes word `bit`, held for up to `bound` points, off a slot's pending words.
  release(s: number, bound: number, bit: number): void {
    if ((this.pendingBits[s] & bit) === 0) return;
    this.pending[s] -= bound;
    this.pendingBits[s] &= ~bit;
  }

  /// Forgets the pending words of a slot once its text has been counted.
  settle(s: number): void {
    this.pending[s] = 0;
    this.pendingBits[s] = 0;
  }

  /// Adds `points` to a slot and marks term `bit` as known for it.
  credit(s: number, points: number, bit: number): void {
    this.known[s] |= bit;
    if (points <= 0) return;
    this.points[s] += points;
    const at = this.heapAt[s];
    if (at >= 0) this.siftDown(at);
    else if (this.heapSize < this.k) {
      this.heap[this.heapSize] = s;
      this.heapAt[s] = this.heapSize;
      this.siftUp(this.heapSize++);
    } else if (this.points[s] > this.points[this.heap[0]]) {
      this.heapAt[this.heap[0]] = -1;
      this.heap[0] = s;
      this.heapAt[s] = 0;
      this.siftDown(0);
    }
  }

  /// θ: the k-th highest known points (0 while fewer than k articles have any). Every article
  /// of the true top k scores at least this much.
  theta(): number {
    return this.heapSize < this.k ? 0 : this.points[this.heap[0]];
  }

  private grow(): void {
    const n = this.ids.length * 2;
    this.ids = widened(this.ids, new Float64Array(n));
    this.points = widened(this.points, new Float64Array(n));
    this.known = widened(this.known, new Uint32Array(n));
    this.pending = widened(this.pending, new Float64Array(n));
    this.pendingBits = widened(this.pendingBits, new Uint32Array(n));
    this.heapAt = widened(this.heapAt, new Int32Array(n).fill(-1));
  }

  private swap(a: number, b: number): void {
    const sa = this.heap[a];
    const sb = this.heap[b];
    this.heap[a] = sb;
    this.heap[b] = sa;
    this.heapAt[sb] = a;
    this.heapAt[sa] = b;
  }

  private siftUp(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.points[this.heap[parent]] <= this.points[this.heap[i]]) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private siftDown(i: number): void {
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.heapSize) return;
      const r = l + 1;
      const c = r < this.heapSize && this.points[this.heap[r]] < this.points[this.heap[l]] ? r : l;
      if (this.points[this.heap[i]] <= this.points[this.heap[c]]) return;
      this.swap(i, c);
      i = c;
    }
  }
}

/// `into` (a longer array of the same kind) with `from` copied to its start.
function widened<T extends Float64Array | Uint32Array | Int32Array>(from: T, into: T): T {
  into.set(from);
  return into;
}
