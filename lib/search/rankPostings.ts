import { CandidateTable } from './candidateTable';
import { MAX_RANKED_CANDIDATES, MAX_RANKED_POSTINGS } from './limits';
import { termPoints, termPointsInText, type RankedTerm } from './planRankedTerms';
import { readRankedPostings } from './readRankedPostings';
import type { PostingBatch } from './unpackPostings';
import type { PostingRange } from './postingRange';
import { positionBelow, type PostingCache } from './postingCache';
import { lowestUsefulScore } from './lowestUsefulScore';
import { estimateTotal, type ListCounts } from './estimateTotal';
import { statement, type SearchStore } from './searchStore';
import { foldText, indexedLength } from './tokenize';

/// What one step of a ranked search costs, in nanoseconds (10,000-regulation bench library,
/// 2 shared cores): a posting SQLite passes over while it looks for some articles (a byte-map
/// check), checking a longer word in one article's text in SQL, and reading one article's text
/// and counting every open term in it; and a posting of a list kept in memory passed over in
/// JavaScript (postingCache: 10–15 ns measured at load 2–3; 5 and 20 gave the question bench the
/// same times). The completion phase weighs them against each other.
export const RANK_COSTS = { scan: 70, wordCheck: 2000, text: 7000, cachedScan: 5 };

/// How a ranked walk may run: the allowed articles (one byte per article id, 1 = allowed; none
/// means all) and how many there are, the number of indexed articles, articles to leave out
/// (postings that outlived their article), the highest article id (sizes the tables), and, for
/// tests, other costs and caps.
export interface RankOptions {
  allowed?: Buffer;
  allowedCount?: number;
  indexed: number;
  excluded?: ReadonlySet<number>;
  maxArticleId: number;
  costs?: Partial<typeof RANK_COSTS>;
  maxCandidates?: number;
  maxPostings?: number;
  /// Postings in the first read of a list (then eight times more each time); default max(256, 2k).
  chunk?: number;
  /// Posting lists kept in memory, synced with the index this walk reads (see postingCache.ts).
  cache?: PostingCache;
}

/// What the walk did, for tests and the bench.
export interface RankStats {
  /// Postings read into JavaScript while collecting candidates (of the lists' `postings` in all).
  postingsRead: number;
  postings: number;
  /// Terms whose postings were read to the end, and terms of which none was read.
  listsExhausted: number;
  listsSkipped: number;
  candidates: number;
  /// Candidates that could still reach the top k when the collection ended.
  survivors: number;
  /// How the survivors were completed, in order: `text` (their articles read and counted), the
  /// index of a term whose remaining postings SQLite scanned for them, or `memory` (every list
  /// the posting cache keeps passed over once for all of them).
  completion: (number | 'text' | 'memory')[];
  /// Milliseconds of each completion step, and the survivors it started with.
  stepMs: number[];
  stepSurvivors: number[];
  textsRead: number;
  /// Milliseconds spent collecting and completing.
  collectMs: number;
  completeMs: number;
}

/// The best `k` articles in rank order (points, then article id), the number of matching
/// articles (exact when every posting list was read through), and what the walk did. `vanished`
/// lists candidates whose article row no longer exists.
export interface RankedFound {
  top: { articleId: number; points: number }[];
  total: number;
  exact: boolean;
  capped: boolean;
  vanished: number[];
  stats: RankStats;
}

interface ListState extends ListCounts {
  /// Every posting with a stored score at or above this has been read; none below it.
  readFrom: number;
  rowsRead: number;
}

/// A read the ranked walk asks for: postings of a term in a range (see `readRankedPostings`), or
/// the texts of some articles. SQLite answers at once (`rankPostings`), PostgreSQL after a round
/// trip (postgresRanking.ts); the walk itself is `rankSteps`, one algorithm for both.
export type RankRead =
  | { kind: 'postings'; term: RankedTerm; range: PostingRange; unchecked: boolean }
  | { kind: 'texts'; ids: number[] };

/// The answer to a `RankRead`: a `PostingBatch`, or the articles' rows (an id missing: its article
/// is gone).
export type RankAnswer = PostingBatch | { id: number; text: string }[];

/// `rankSteps` on SQLite, every read answered synchronously (through the posting cache when it
/// keeps the list), so the whole walk runs inside the caller's read transaction.
export function rankPostings(store: SearchStore, terms: readonly RankedTerm[], k: number, opts: RankOptions): RankedFound {
  const steps = rankSteps(store, terms, k, opts);
  let step = steps.next();
  while (!step.done) step = steps.next(answerOnSqlite(store, step.value, opts.cache));
  return step.value;
}

function answerOnSqlite(store: SearchStore, read: RankRead, cache: PostingCache | undefined): RankAnswer {
  if (read.kind === 'postings') return readRankedPostings(store, read.term, read.range, read.unchecked, cache);
  return statement<{ id: number; text: string }>(store, 'SELECT id, text FROM regulation_articles WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(read.ids));
}

/// Exact top-k of a weighted OR query (Σ over terms of weight × idf × BM25 factor) over the
/// score-ordered posting lists. Collection: the lists are read one after another, the one with
/// the highest upper bound first, each in stored-score order and only as deep as a new article
/// could still reach θ, the k-th best score known so far (an article that first appears below
/// that depth scores less than θ even if it had the ceiling of every list not yet read and the
/// unread remainder of every list already read). Completion: a candidate whose points plus the
/// bounds of the lists it was not seen in still reach θ is completed, by reading its text or by
/// letting SQLite scan the unread part of one list for all such candidates at once, whichever the
/// costs say is cheaper; the others are out. See README.md for the argument that this is exact.
/// The walk yields each read it needs (`RankRead`) and goes on with its answer; `store` is read
/// only through the posting cache (`opts.cache`, SQLite's), and may be undefined without one.
export function* rankSteps(store: SearchStore | undefined, terms: readonly RankedTerm[], k: number, opts: RankOptions): Generator<RankRead, RankedFound, RankAnswer> {
  const costs = { ...RANK_COSTS, ...opts.costs };
  const maxCandidates = opts.maxCandidates ?? MAX_RANKED_CANDIDATES;
  let budget = opts.maxPostings ?? MAX_RANKED_POSTINGS;
  const table = new CandidateTable(k, opts.maxArticleId);
  const m = terms.length;
  const ceilingPoints = terms.map((t) => termPoints(t, t.ceiling));
  const lists: ListState[] = terms.map((t) => ({ readFrom: t.driver.maxScore + 1, rowsRead: 0, checked: 0, matched: 0 }));
  const unread = ceilingPoints.slice();
  let capped = false;

  const excluded = opts.excluded?.size ? opts.excluded : undefined;
  const slotFor = (articleId: number): number => {
    if (excluded?.has(articleId)) return -1;
    const s = table.slot(articleId);
    if (s >= 0) return s;
    if (table.size < maxCandidates) return table.add(articleId);
    capped = true;
    return -1;
  };
  const take = (i: number, articleId: number, points: number) => {
    const s = points > 0 ? slotFor(articleId) : table.slot(articleId);
    if (s >= 0) table.credit(s, points, 2 ** i);
  };

  // Collection. Highest ceiling first: the lists not yet read then bound a new article as
  // tightly as possible. A longer word's driver postings are not checked here (that would read
  // an article per posting): each is held as an upper bound until completion.
  const started = performance.now();
  const order = terms.map((_, i) => i).sort((a, b) => ceilingPoints[b] - ceilingPoints[a] || terms[a].driver.df - terms[b].driver.df || a - b);
  let after = ceilingPoints.reduce((a, b) => a + b, 0);
  let before = 0;
  for (const i of order) {
    const term = terms[i];
    const state = lists[i];
    const bit = 2 ** i;
    // A one-token word's postings are credited; a longer word's driver postings are held, each
    // article possibly holding the word for at most the posting's points.
    const use = (batch: PostingBatch) => {
      for (let r = 0; r < batch.n; r++) {
        const s = slotFor(batch.ids[r]);
        if (s < 0) continue;
        if (term.exact) table.credit(s, batch.points[r], bit);
        else table.hold(s, batch.points[r], bit);
      }
    };
    after -= ceilingPoints[i];
    const rest = before + after;
    let limit = opts.chunk ?? Math.max(256, 2 * k);
    for (;;) {
      const from = lowestUsefulScore(term, rest, table.theta());
      if (from >= state.readFrom) break;
      if (budget <= 0) {
        capped = true;
        break;
      }
      const size = Math.min(limit, budget);
      const chunk = (yield { kind: 'postings', term, range: { from, upper: state.readFrom, limit: size, allowed: opts.allowed }, unchecked: true }) as PostingBatch;
      use(chunk);
      let n = chunk.n;
      if (n >= size) {
        // The chunk may end inside a run of equal scores: the rest of that run is read too, so
        // that every posting at or above the chunk's lowest score has been read.
        const group = (yield { kind: 'postings', term, range: { score: chunk.low, after: chunk.last, allowed: opts.allowed }, unchecked: true }) as PostingBatch;
        use(group);
        n += group.n;
        state.readFrom = chunk.low;
      } else state.readFrom = from;
      state.rowsRead += n;
      budget -= n;
      if (chunk.n < size) break;
      limit = Math.min(limit * 8, 65_536);
    }
    unread[i] = state.readFrom > 1 ? termPoints(term, Math.min(state.readFrom - 1, term.ceiling)) : 0;
    before += unread[i];
  }

  // Completion. A candidate's score is at most its points, plus what its held words may add,
  // plus the unread bound of every list it was not met in; below θ it is out for good (θ only
  // rises, and its bound only falls). The others are completed by the cheapest means.
  const collected = performance.now();
  let active = 0;
  for (let i = 0; i < m; i++) if (unread[i] > 0) active += 2 ** i;
  const stats: RankStats = {
    postingsRead: lists.reduce((a, l) => a + l.rowsRead, 0),
    postings: terms.reduce((a, t) => a + t.driver.df, 0),
    listsExhausted: unread.filter((u) => u === 0).length,
    listsSkipped: lists.filter((l, i) => l.rowsRead === 0 && unread[i] > 0).length,
    candidates: table.size,
    survivors: -1,
    completion: [],
    stepMs: [],
    stepSurvivors: [],
    textsRead: 0,
    collectMs: collected - started,
    completeMs: 0,
  };
  const vanished: number[] = [];
  let wanted: Buffer | undefined;
  let survivors: number[] | null = null;
  for (;;) {
    const theta = table.theta();
    const next: number[] = [];
    const missing = new Array<number>(m).fill(0);
    const held = new Array<number>(m).fill(0);
    const consider = (s: number) => {
      const open = active & ~table.known[s] & ~table.pendingBits[s];
      if (open === 0 && table.pendingBits[s] === 0) return;
      let ub = table.points[s] + table.pending[s];
      for (let o = open; o !== 0; o &= o - 1) ub += unread[31 - Math.clz32(o & -o)];
      if (ub < theta) return;
      next.push(s);
      for (let o = open; o !== 0; o &= o - 1) missing[31 - Math.clz32(o & -o)]++;
      for (let o = table.pendingBits[s]; o !== 0; o &= o - 1) held[31 - Math.clz32(o & -o)]++;
    };
    if (survivors) for (const s of survivors) consider(s);
    else for (let s = 0; s < table.size; s++) consider(s);
    survivors = next;
    if (stats.survivors < 0) stats.survivors = survivors.length;
    if (survivors.length === 0) break;
    // Lists kept in memory cost a few nanoseconds a posting: each is passed over once for every
    // survivor it is open for, rather than one list per step with the survivors bounded again
    // in between (that pass over 100,000 survivors costs more than the lists).
    const sweepStarted = performance.now();
    if (opts.cache && store && sweepKeptLists(store, table, terms, lists, survivors, missing, opts.cache, costs)) {
      stats.stepSurvivors.push(survivors.length);
      stats.completion.push('memory');
      stats.stepMs.push(performance.now() - sweepStarted);
      continue;
    }
    // A one-token list: SQLite scans its unread postings for the survivors not met in it. A
    // longer word: SQLite scans its driver's postings (all of them when some survivor holds the
    // word unchecked) for the survivors concerned and checks the word in their texts.
    let best = -1;
    let bestCost = Infinity;
    let bestValue = -1;
    for (let i = 0; i < m; i++) {
      if (missing[i] + held[i] === 0) continue;
      const rows = held[i] > 0 ? terms[i].driver.df : Math.max(terms[i].driver.df - lists[i].rowsRead, 1);
      const perRow = terms[i].exact && opts.cache?.keeps(terms[i].driver.id, terms[i].driver.df) ? costs.cachedScan : costs.scan;
      const cost = rows * perRow + (terms[i].exact ? 0 : (missing[i] + held[i]) * costs.wordCheck);
      bestCost = Math.min(bestCost, cost);
      const value = (missing[i] * unread[i] + held[i] * ceilingPoints[i]) / cost;
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    const stepStarted = performance.now();
    stats.stepSurvivors.push(survivors.length);
    if (best < 0 || survivors.length * costs.text <= bestCost) {
      yield* completeByText(table, terms, survivors, active, lists, vanished);
      stats.textsRead += survivors.length;
      stats.completion.push('text');
      stats.stepMs.push(performance.now() - stepStarted);
      break;
    }
    wanted ??= Buffer.alloc(opts.maxArticleId + 1);
    yield* completeByScan(table, terms[best], best, survivors, lists[best], wanted, take);
    stats.completion.push(best);
    stats.stepMs.push(performance.now() - stepStarted);
  }

  stats.completeMs = performance.now() - collected;
  const top: { articleId: number; points: number }[] = [];
  const theta = table.theta();
  let settled = true;
  let matching = 0;
  for (let s = 0; s < table.size; s++) {
    const open = (active & ~table.known[s]) | table.pendingBits[s];
    if (table.pendingBits[s] !== 0) settled = false;
    if (table.points[s] > 0) matching++;
    if (open === 0 && table.points[s] >= theta && table.points[s] > 0) top.push({ articleId: table.ids[s], points: table.points[s] });
  }
  top.sort((a, b) => b.points - a.points || a.articleId - b.articleId);
  top.length = Math.min(top.length, k);
  // Every list read through and every held word checked: the candidates with points are the matches.
  const exhausted = active === 0 && settled && !capped;
  const total = exhausted ? matching : estimateTotal(terms, lists, matching, opts.indexed, opts.allowedCount ?? opts.indexed);
  return { top, total, exact: exhausted, capped, vanished, stats };
}

/// Reads the texts of the survivors and counts every term not yet known for them, held words
/// included.
function* completeByText(
  table: CandidateTable, terms: readonly RankedTerm[], survivors: number[], active: number, lists: ListState[], vanished: number[],
): Generator<RankRead, void, RankAnswer> {
  for (let at = 0; at < survivors.length; at += 2000) {
    const slots = survivors.slice(at, at + 2000);
    const found = new Set<number>();
    const rows = (yield { kind: 'texts', ids: slots.map((s) => table.ids[s]) }) as { id: number; text: string }[];
    for (const row of rows) {
      const s = table.slot(row.id);
      found.add(s);
      const held = table.pendingBits[s];
      const open = (active & ~table.known[s]) | held;
      const folded = foldText(row.text);
      const length = indexedLength(row.text);
      for (let o = open; o !== 0; o &= o - 1) {
        const i = 31 - Math.clz32(o & -o);
        const points = termPointsInText(terms[i], folded, length);
        if (held & (2 ** i)) {
          lists[i].checked++;
          if (points > 0) lists[i].matched++;
        }
        table.credit(s, points, 2 ** i);
      }
      table.settle(s);
    }
    for (const s of slots) {
      if (found.has(s)) continue;
      vanished.push(table.ids[s]);
      table.known[s] |= active;
      table.settle(s);
    }
  }
}

/// Completes the survivors on every one-token term whose list the cache keeps (or takes in now:
/// a common list read whole once serves every later question) and that some of
/// them have not met: the unread part of each list is passed over once, crediting the survivors
/// found there, and the term is then known for all of them (absent means 0). False, doing
/// nothing, when there is no such term or reading the survivors' texts would cost less.
function sweepKeptLists(
  store: SearchStore, table: CandidateTable, terms: readonly RankedTerm[], lists: ListState[], survivors: number[], missing: number[], cache: PostingCache,
  costs: typeof RANK_COSTS,
): boolean {
  const kept = terms.flatMap((t, i) => (missing[i] > 0 && t.exact && cache.keeps(t.driver.id, t.driver.df) ? [i] : []));
  const rows = kept.reduce((sum, i) => sum + terms[i].driver.df - lists[i].rowsRead, 0);
  if (kept.length === 0 || survivors.length * costs.text < rows * costs.cachedScan) return false;
  const surviving = new Uint8Array(table.size);
  for (const s of survivors) surviving[s] = 1;
  for (const i of kept) {
    const term = terms[i];
    const bit = 2 ** i;
    const list = cache.get(store, term.driver.id, term.driver.df)!;
    // A survivor that knows the term met it in the part already read, so it is not down here.
    for (let r = positionBelow(list, lists[i].readFrom); r < list.ids.length; r++) {
      const s = table.slot(list.ids[r]);
      if (s < 0 || surviving[s] === 0) continue;
      table.credit(s, termPoints(term, Math.min(list.scores[r], term.ceiling)), bit);
    }
    for (const s of survivors) table.known[s] |= bit;
  }
  return true;
}

/// Lets SQLite scan the postings of term `i` for the survivors that need it (a byte map of their
/// article ids), crediting what it finds; afterwards the term is known for all of them. For a
/// one-token term only the unread postings are scanned; for a longer word, those too unless some
/// survivor holds the word unchecked, and then the whole list, each found article's text checked.
function* completeByScan(
  table: CandidateTable, term: RankedTerm, i: number, survivors: number[], state: ListState, wanted: Buffer,
  take: (i: number, articleId: number, points: number) => void,
): Generator<RankRead, void, RankAnswer> {
  const bit = 2 ** i;
  const open = survivors.filter((s) => (table.known[s] & bit) === 0 || (table.pendingBits[s] & bit) !== 0);
  let whole = false;
  for (const s of open) {
    wanted[table.ids[s]] = 1;
    if ((table.pendingBits[s] & bit) !== 0) whole = true;
  }
  const read = (yield { kind: 'postings', term, range: whole ? { wanted } : { upper: state.readFrom, wanted }, unchecked: false }) as PostingBatch;
  for (let r = 0; r < read.n; r++) {
    const s = table.slot(read.ids[r]);
    if (s < 0) continue;
    table.release(s, termPoints(term, Math.min(read.scores[r], term.ceiling)), bit);
    take(i, read.ids[r], read.points[r]);
  }
  if (!term.exact) {
    state.checked += read.n;
    state.matched += read.matched;
  }
  for (const s of open) {
    table.known[s] |= bit;
    table.pendingBits[s] &= ~bit; // its article is gone: what was held stays as a (loose) bound
    wanted[table.ids[s]] = 0;
  }
}
