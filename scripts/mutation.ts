import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { listFiles } from './ensureBuild';

// `npm run mutation [-- --folders lib/auth,lib/search] [--files F,G] [--own-tests] [--ignore-static]
// [--full] [--fresh-threads] [--run-equivalents]`: checks that the tests pass in a shuffled order, then runs Stryker (see
// stryker.config.mjs) over the core folders, incrementally unless --full, then prints the mutation
// score of each folder — detected mutants over those that count — and, as its last line, one
// JSON object of those scores. Mutants listed in docs/mutation-equivalents.tsv (equivalent: no
// test can tell them apart from the original) are left out of the scores, each with its reason,
// and are not run (scripts/strykerEquivalents.ts) unless --run-equivalents.

const folders = ['lib/legal-text', 'lib/search', 'lib/auth', 'lib/versioning', 'lib/workflow'];
const report = path.resolve('reports/mutation/mutation.json');
const equivalentsFile = path.resolve('docs/mutation-equivalents.tsv');

/// A mutant's status, and the part of Stryker's JSON report the run reads.
export type MutantStatus = 'Killed' | 'Survived' | 'NoCoverage' | 'Timeout' | 'CompileError' | 'RuntimeError' | 'Ignored' | 'Pending';
type Mutant = { mutatorName: string; replacement?: string; status: MutantStatus; location: { start: { line: number; column: number } } };
export type Report = { files: Record<string, { mutants: Mutant[] }> };

/// One folder's counts: detected (killed or timed out), undetected (survived or not covered by any
/// test), equivalent (listed), and the rest (did not compile, ignored), with the score.
export type FolderScore = { score: number | null; killed: number; timeout: number; survived: number; noCoverage: number; equivalent: number; invalid: number };

/// One listed equivalent mutant: where it is, what it does, and its key for matching a report.
export type Equivalent = { file: string; at: string; mutator: string; replacement: string; reason: string; key: string };

/// `path \t line \t mutator \t replacement \t reason` lines (# comments and blank lines skipped).
/// The line may be `line:column`, for a line where the same mutation at another column is not
/// equivalent.
export function listEquivalents(text: string): Equivalent[] {
  const entries: Equivalent[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [file, at, mutator, replacement = '', reason] = line.split('\t');
    if (!reason?.trim()) throw new Error(`docs/mutation-equivalents.tsv: every equivalent mutant needs a reason: ${line}`);
    entries.push({ file, at: at.trim(), mutator, replacement, reason: reason.trim(), key: equivalentKey(file, at.trim(), mutator, replacement) });
  }
  return entries;
}

/// The keys of the listed equivalents, for `scoreFolders`.
export function readEquivalents(text: string): Set<string> {
  return new Set(listEquivalents(text).map((e) => e.key));
}

/// Listed equivalents of the files a report covers that match none of its mutants: the code
/// they were written for has moved or changed, so the list needs a look.
export function staleEquivalents(data: Report, entries: Equivalent[]): Equivalent[] {
  const present = new Set<string>();
  for (const [file, { mutants }] of Object.entries(data.files)) {
    for (const m of mutants) for (const key of mutantKeys(file, m.location.start, m.mutatorName, m.replacement)) present.add(key);
  }
  return entries.filter((e) => e.file in data.files && !present.has(e.key));
}

/// A listed equivalent's key: the file (relative, with /), `line` or `line:column` as in Stryker's
/// report, the mutator and the replacement.
function equivalentKey(file: string, at: string, mutator: string, replacement: string | undefined): string {
  return `${file}:${at}:${mutator}:${replacement ?? ''}`;
}

/// The two keys an entry of the list may match a mutant by: at its line and column, or at its
/// line. `start` is counted from 1, as in Stryker's report.
export function mutantKeys(file: string, start: { line: number; column: number }, mutator: string, replacement: string | undefined): string[] {
  return [`${start.line}:${start.column}`, `${start.line}`].map((at) => equivalentKey(file, at, mutator, replacement));
}

/// A test helper, not product code: a `testing` folder or a `testing.ts` file.
const testHelper = /(^|\/)testing(\/|\.ts$)/;

/// Every file a run of these folders mutates (the same files as `planMutationRun`'s globs): its
/// TypeScript, tests, test helpers and index files apart; paths relative, sorted.
export function mutatedFiles(chosen: readonly string[] = folders): string[] {
  return chosen
    .flatMap((folder) => listFiles(folder))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !testHelper.test(f) && path.basename(f) !== 'index.ts')
    .sort();
}

/// The score of each folder from a Stryker JSON report: (killed + timeout) over (killed + timeout
/// + survived + no coverage), equivalent mutants left out; null for a folder with none.
export function scoreFolders(data: Report, equivalents: Set<string>, only: string[] = folders): Record<string, FolderScore> {
  const scores: Record<string, FolderScore> = {};
  for (const folder of only) scores[folder] = { score: null, killed: 0, timeout: 0, survived: 0, noCoverage: 0, equivalent: 0, invalid: 0 };
  for (const [file, { mutants }] of Object.entries(data.files)) {
    const folder = only.find((f) => file.startsWith(`${f}/`));
    // Test helpers are not product code (an incremental run may still carry their old results).
    if (!folder || testHelper.test(file)) continue;
    const s = scores[folder];
    for (const m of mutants) {
      // A listed mutant is not run at all (scripts/strykerEquivalents.ts): "Ignored".
      const undetected = m.status === 'Survived' || m.status === 'NoCoverage' || m.status === 'Ignored';
      const listed = mutantKeys(file, m.location.start, m.mutatorName, m.replacement).some((key) => equivalents.has(key));
      if (undetected && listed) s.equivalent++;
      else if (m.status === 'Killed') s.killed++;
      else if (m.status === 'Timeout') s.timeout++;
      else if (m.status === 'Survived') s.survived++;
      else if (m.status === 'NoCoverage') s.noCoverage++;
      else s.invalid++;
    }
  }
  for (const s of Object.values(scores)) {
    const counted = s.killed + s.timeout + s.survived + s.noCoverage;
    s.score = counted ? Math.round((1000 * (s.killed + s.timeout)) / counted) / 10 : null;
  }
  return scores;
}

/// What one run mutates and how: the chosen folders (`--folders a,b`, default all), Stryker's
/// `--mutate` globs (`--files` narrows them to some files of those folders), its extra flags
/// (`--full` → `--force`, `--ignore-static` → `--ignoreStatic`) and, with `--own-tests`, the test
/// globs for MUTATION_TESTS (read by vitest.mutation.config.mts): each mutant is then tested by the
/// unit tests of its own folders only, not by every test of lib/ that imports it; with
/// `--fresh-threads`, every mutant's tests run in a new worker thread (read by
/// vitest.mutation.config.mts; by default one thread serves many, see scripts/keptThreadsPool.ts);
/// with `--run-equivalents`, the listed equivalents are run too.
/// An error string for a folder outside the run or a file outside the chosen folders.
export function planMutationRun(args: string[]): { chosen: string[]; mutate: string[]; flags: string[]; ownTests: string | null; freshThreads: boolean; runEquivalents: boolean } | string {
  const valueOf = (flag: string) => {
    const at = args.indexOf(flag);
    return at >= 0 ? (args[at + 1] ?? '').split(',').filter(Boolean) : null;
  };
  const chosen = valueOf('--folders')?.map((f) => f.replace(/\/$/, '')) ?? folders;
  const unknown = chosen.filter((f) => !folders.includes(f));
  if (unknown.length || chosen.length === 0) return `no such folder in the run: ${unknown.join(', ') || '(none given)'} (choose from ${folders.join(', ')})`;
  const files = valueOf('--files') ?? [];
  const outside = files.filter((f) => !chosen.some((folder) => f.startsWith(`${folder}/`)));
  if (outside.length) return `not in the folders of the run: ${outside.join(', ')}`;
  return {
    chosen,
    mutate: [...(files.length ? files : chosen.map((f) => `${f}/**/*.ts`)), '!lib/**/*.test.ts', '!lib/**/testing/**', '!lib/**/testing.ts', '!lib/**/index.ts'],
    flags: [...(args.includes('--full') ? ['--force'] : []), ...(args.includes('--ignore-static') ? ['--ignoreStatic'] : [])],
    ownTests: args.includes('--own-tests') ? chosen.map((f) => `${f}/**/*.test.ts`).join(',') : null,
    freshThreads: args.includes('--fresh-threads'),
    runEquivalents: args.includes('--run-equivalents'),
  };
}

function main() {
  const plan = planMutationRun(process.argv.slice(2));
  if (typeof plan === 'string') {
    console.error(`mutation: ${plan}`);
    process.exit(2);
  }
  const { chosen, mutate, flags, ownTests, freshThreads, runEquivalents } = plan;
  const stryker = path.resolve('node_modules/@stryker-mutator/core/bin/stryker.js');
  const started = Date.now();
  const env = { ...process.env, NO_COLOR: '1', ...(ownTests ? { MUTATION_TESTS: ownTests } : {}), ...(freshThreads ? { MUTATION_FRESH_THREADS: '1' } : {}), ...(runEquivalents ? { MUTATION_RUN_EQUIVALENTS: '1' } : {}) };
  // Stryker runs only the tests that cover a mutant. A test that passes only after another one
  // has run would fail there on its own and count the mutant as killed, so the tests first run
  // once in a shuffled order, and the run stops if one fails.
  const seed = String(started % 1_000_000);
  const vitest = path.resolve('node_modules/vitest/vitest.mjs');
  const shuffled = spawnSync(process.execPath, [vitest, 'run', '--config', 'vitest.mutation.config.mts', '--sequence.shuffle', '--sequence.seed', seed, '--reporter', 'dot'], { stdio: 'inherit', env });
  if (shuffled.status !== 0) {
    console.error(`mutation: a test failed with the tests in a shuffled order (seed ${seed}); each test must pass alone and in any order before its mutation score can be trusted`);
    process.exit(1);
  }
  const run = spawnSync(process.execPath, [stryker, 'run', 'stryker.config.mjs', '--mutate', mutate.join(','), ...flags], { stdio: 'inherit', env });
  if (run.status !== 0 || !fs.existsSync(report)) {
    console.error(`mutation: Stryker failed (exit ${run.status})`);
    process.exit(1);
  }
  // Each run's report kept under the folders it covered, for comparing runs.
  fs.copyFileSync(report, report.replace(/\.json$/, `-${chosen.map((f) => path.basename(f)).join('+')}.json`));
  const equivalentsText = fs.existsSync(equivalentsFile) ? fs.readFileSync(equivalentsFile, 'utf8') : '';
  const data = JSON.parse(fs.readFileSync(report, 'utf8')) as Report;
  const scores = scoreFolders(data, readEquivalents(equivalentsText), chosen);
  const stale = staleEquivalents(data, listEquivalents(equivalentsText));
  if (stale.length) {
    console.log(`\n${stale.length} listed equivalent mutants match no mutant of this run (their code moved or changed; docs/mutation-equivalents.tsv needs a look):`);
    for (const e of stale) console.log(`  ${e.file}\t${e.at}\t${e.mutator}\t${e.replacement}`);
  }
  console.log(`\nmutation score per folder (${((Date.now() - started) / 60_000).toFixed(1)} min; report: reports/mutation/index.html)`);
  for (const [folder, s] of Object.entries(scores)) {
    console.log(`  ${folder.padEnd(16)} ${s.score === null ? '—' : `${s.score}%`}  killed ${s.killed + s.timeout}, survived ${s.survived}, no coverage ${s.noCoverage}, equivalent ${s.equivalent}, invalid ${s.invalid}`);
  }
  console.log(JSON.stringify(Object.fromEntries(Object.entries(scores).map(([f, s]) => [f, { score: s.score, killed: s.killed + s.timeout, survived: s.survived, noCoverage: s.noCoverage, equivalent: s.equivalent }]))));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve('scripts/mutation.ts')) main();
