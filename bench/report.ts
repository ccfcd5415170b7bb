/// What the benchmarks share: timing a piece of work over several rounds, and printing a table
/// whose columns line up with Chinese labels in a terminal.

/// Runs `work` once to let the JIT settle, then `rounds` times, returning each round's ms.
export function timeRounds(work: () => unknown, rounds: number): number[] {
  work();
  const out: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    work();
    out.push(performance.now() - start);
  }
  return out;
}

/// `timeRounds` for work that answers with a promise: each round is timed until it resolves.
export async function timeAwaitedRounds(work: () => Promise<unknown>, rounds: number): Promise<number[]> {
  await work();
  const out: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await work();
    out.push(performance.now() - start);
  }
  return out;
}

/// The median of some numbers (the mean of the middle two for an even count).
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/// The `q`th percentile of some numbers, `q` in percent (0–100, as numpy's percentile): by the
/// nearest-rank method, the smallest value that at least q% of the values are at or below, i.e.
/// the ⌈q/100 × n⌉-th of the n values in ascending order (a copy is sorted; `values` is left as
/// it is). Always one of the values, never interpolated: `percentile(v, 50)` of an even count is
/// the lower middle value (unlike `median`), `percentile(v, 0)` the least, `percentile(v, 100)`
/// the greatest. NaN for no values; a RangeError for q outside 0–100 (mind that 0.99 is the
/// 0.99th percentile, not the 99th).
export function percentile(values: number[], q: number): number {
  if (!(q >= 0 && q <= 100)) throw new RangeError(`percentile: q must be between 0 and 100, not ${q}`);
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  // q × n / 100 can land a hair above a whole number in floating point (2.2 × 1500 / 100 is
  // 33.00000000000001); the tiny shrink keeps such a rank from rounding up one place.
  const rank = Math.ceil(((q * sorted.length) / 100) * (1 - 1e-12));
  return sorted[Math.max(0, rank - 1)];
}

// CJK characters take two columns in a terminal.
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return w;
}

/// Prints rows as a table: the first row a header underlined with dashes, the first
/// `leftColumns` columns aligned left (labels), the rest right (figures).
export function printTable(rows: string[][], leftColumns = 1): void {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => width(row[c] ?? ''))));
  const line = (row: string[]) =>
    row
      .map((cell = '', c) => {
        const fill = ' '.repeat(Math.max(0, widths[c] - width(cell)));
        return c < leftColumns ? cell + fill : fill + cell;
      })
      .join('  ');
  console.log(line(rows[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows.slice(1)) console.log(line(row));
}

/// Prints the outcome of a bench's cross-checks, one line per problem (before its JSON line).
export function printChecks(problems: string[]): void {
  if (problems.length === 0) console.log('cross-checks: passed');
  for (const problem of problems) console.log(`CROSS-CHECK FAILED: ${problem}`);
}

/// Fails the bench when a cross-check did, once its figures and JSON line are out: run.ts (and a
/// bench run on its own) prints the message and exits non-zero.
export function failOnProblems(problems: string[]): void {
  if (problems.length === 0) return;
  throw new Error(`${problems.length} cross-check${problems.length === 1 ? '' : 's'} failed: ${problems[0]}${problems.length > 1 ? ' …' : ''}`);
}
