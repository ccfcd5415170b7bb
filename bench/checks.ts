import { percentile } from './report';

/// The benches' cross-checks: each decides, from figures a bench has already measured, whether
/// the run can be trusted, and says what went wrong in one line (null, or an empty list, when
/// nothing did). A bench prints the problems beside its figures, keeps its JSON line last and
/// then fails (report.ts's failOnProblems), so that `npm run bench -- NAME` exits non-zero.

/// Comments bench: every 201 response must be a stored comment, and nothing else may be stored.
export function checkStoredEqualsAccepted(stored: number, accepted: number): string | null {
  if (stored === accepted) return null;
  return stored < accepted
    ? `stored comments (${stored}) ≠ accepted (201) responses (${accepted}): ${accepted - stored} accepted comments were not stored`
    : `stored comments (${stored}) ≠ accepted (201) responses (${accepted}): ${stored - accepted} comments were stored without a 201`;
}

/// Collab bench: every measured update must reach every other client of its draft within the
/// bench's wait (`waitMs` after the last send), and only once. `what` names the server and
/// scenario; `undelivered` and `duplicated` are deliveries short of and beyond the `expected`.
export function checkAllDelivered(what: string, d: { expected: number; undelivered: number; duplicated: number }, waitMs: number): string | null {
  const problems = [
    ...(d.undelivered > 0 ? [`${d.undelivered} of ${d.expected} deliveries undelivered within ${waitMs} ms of the last send (counted as ${waitMs} ms in the percentiles)`] : []),
    ...(d.duplicated > 0 ? [`${d.duplicated} deliveries beyond the ${d.expected} expected (an update delivered twice?)`] : []),
  ];
  return problems.length ? `${what}: ${problems.join('; ')}` : null;
}

/// The `q`th percentile (report.ts's nearest-rank `percentile`) of measured latencies with each of
/// `undelivered` deliveries counted as taking `timeoutMs`: the least it can have taken, since the
/// bench stopped listening then. So a lost update raises p99 instead of vanishing from it.
export function percentileWithTimeouts(samples: number[], undelivered: number, timeoutMs: number, q: number): number {
  if (!Number.isInteger(undelivered) || undelivered < 0) throw new RangeError(`percentileWithTimeouts: undelivered must be a whole number ≥ 0, not ${undelivered}`);
  if (undelivered === 0) return percentile(samples, q);
  return percentile(samples.concat(new Array<number>(undelivered).fill(timeoutMs)), q);
}

/// What the search bench knows of one query: our total (exact or estimated), the count of a plain
/// scan (`text LIKE '%q%'` over the same articles; NaN when not taken), and the baseline's own
/// count of matches when it gives one (FTS5), else null.
export interface TotalsFigure {
  q: string;
  total: number | null;
  exact: boolean;
  scanCount: number;
  baselineTotal: number | null;
}

/// Search bench: an exact total must equal the scan's count, and so must the baseline's count (a
/// baseline that finds other articles is not answering the same question). An estimated total
/// (`exact` false) is an estimate by design and is not held to the count.
export function checkSearchTotals(figures: TotalsFigure[]): string[] {
  const problems: string[] = [];
  for (const f of figures) {
    if (Number.isNaN(f.scanCount)) continue;
    if (f.exact && f.total !== f.scanCount) problems.push(`search "${f.q}": exact total ${f.total ?? 'none'} ≠ the scan's count ${f.scanCount}`);
    if (f.baselineTotal !== null && f.baselineTotal !== f.scanCount) problems.push(`search "${f.q}": baseline count ${f.baselineTotal} ≠ the scan's count ${f.scanCount}`);
  }
  return problems;
}

/// Search bench: ranked retrieval must give the exhaustive ranking's first page (ids and scores).
export function checkSamePages(set: string, questions: { q: string; same: boolean }[]): string | null {
  const differ = questions.filter((x) => !x.same);
  if (differ.length === 0) return null;
  return `ranked "${set}": ${differ.length}/${questions.length} first pages differ from the exhaustive ranking (${differ.map((x) => x.q.slice(0, 12)).join('; ')})`;
}

/// One change to one article, named by the article's label in the old text and in the new (null
/// on the side it is absent from), e.g. modified 第二十条 → 第二十一条.
export interface ArticleChangeRef {
  change: 'modified' | 'added' | 'deleted';
  old: string | null;
  new: string | null;
}

function changeKey(c: ArticleChangeRef): string {
  return `${c.change} ${c.old ?? '–'} → ${c.new ?? '–'}`;
}

/// The planted changes a comparison did not report (`missing`: attributed elsewhere or not at
/// all) and the changes it reported that were not planted (`extra`), each as a readable key; a
/// change reported twice is once in `extra`.
export function compareChanges(planted: ArticleChangeRef[], found: ArticleChangeRef[]): { missing: string[]; extra: string[] } {
  const balance = new Map<string, number>();
  for (const c of planted) balance.set(changeKey(c), (balance.get(changeKey(c)) ?? 0) + 1);
  for (const c of found) balance.set(changeKey(c), (balance.get(changeKey(c)) ?? 0) - 1);
  const repeat = (key: string, times: number) => new Array<string>(times).fill(key);
  return {
    missing: [...balance].flatMap(([key, n]) => (n > 0 ? repeat(key, n) : [])),
    extra: [...balance].flatMap(([key, n]) => (n < 0 ? repeat(key, -n) : [])),
  };
}

/// Diff bench: the changes the comparison finds must be exactly the changes planted.
export function checkChangesFound(scenario: string, planted: ArticleChangeRef[], found: ArticleChangeRef[]): string | null {
  const { missing, extra } = compareChanges(planted, found);
  if (missing.length === 0 && extra.length === 0) return null;
  const list = (keys: string[]) => keys.slice(0, 3).join('; ') + (keys.length > 3 ? ` and ${keys.length - 3} more` : '');
  const parts = [
    `${found.length} changes found, ${planted.length} planted`,
    ...(missing.length ? [`not found: ${list(missing)}`] : []),
    ...(extra.length ? [`not planted: ${list(extra)}`] : []),
  ];
  return `diff "${scenario}": ${parts.join('; ')}`;
}
