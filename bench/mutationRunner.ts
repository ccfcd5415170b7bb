import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { planMutationRun, type MutantStatus, type Report } from '../scripts/mutation';
import { printChecks, printTable, failOnProblems } from './report';

const DEFAULT_FILES = ['lib/auth/can.ts', 'lib/auth/checkOrigin.ts', 'lib/auth/loginThrottle.ts'];
const OUT = 'reports/bench-mutation-runner';

interface Figure {
  way: string;
  wallS: number;
  /// From the end of the dry run to the end of the last mutant's run.
  testingS: number;
  /// Mutants whose tests ran (not those that did not compile or that no test reaches).
  tested: number;
  perMinute: number;
}

/// `npm run bench -- mutation-runner [--files lib/…/a.ts,lib/…/b.ts]`: Stryker over the same files
/// twice, one run after the other: the way `npm run mutation` runs the tests (one worker thread
/// kept for many mutants' runs, scripts/keptThreadsPool.ts; the test files most likely to fail
/// first, scripts/mutationSequencer.ts; what a test file's fixtures reach counted under its tests,
/// scripts/mutationSetup.ts) and Stryker's and vitest's own way (a new thread for each mutant's
/// run, the slowest files first, fixtures' mutants static: `--fresh-threads`,
/// MUTATION_VITEST_ORDER=1, MUTATION_FIXTURES_STATIC=1). Each mutant is tested by
/// the tests of its own folder (`--own-tests`). Prints each run's time, the time of its
/// mutant-testing phase and the mutants tested a minute in that phase. Cross-check: every mutant
/// must get the same status both ways (killed and timed out count as one: a timeout depends on the
/// machine's load), and some mutants must have been tested.
export async function run(args: string[]): Promise<void> {
  const files = readArgs(args);
  const folders = [...new Set(files.map((f) => f.split('/').slice(0, 2).join('/')))];
  const plan = planMutationRun(['--folders', folders.join(','), '--files', files.join(','), '--own-tests', '--full']);
  if (typeof plan === 'string') throw new Error(plan);
  fs.mkdirSync(OUT, { recursive: true });
  process.stdout.write(`Stryker over ${files.join(', ')} (tests of ${folders.join(', ')}), twice\n\n`);

  const ours = strykerRun('npm run mutation', 'ours', plan, false);
  const vitests = strykerRun("Stryker's and vitest's way", 'vitest', plan, true);
  printTable([
    ['tests run as', 'run (s)', 'testing (s)', 'mutants tested', 'per minute', '× faster'],
    ...[ours, vitests].map(({ figure: f }) => [f.way, f.wallS.toFixed(0), f.testingS.toFixed(0), String(f.tested), f.perMinute.toFixed(0), (vitests.figure.testingS / f.testingS).toFixed(2)]),
  ]);
  const problems = compareStatuses(ours.statuses, vitests.statuses);
  printChecks(problems);
  console.log(JSON.stringify({ bench: 'mutation-runner', files, figures: [ours.figure, vitests.figure], ratio: vitests.figure.testingS / ours.figure.testingS }));
  failOnProblems(problems);
}

function readArgs(args: string[]): string[] {
  let files = DEFAULT_FILES;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--files') files = (args[++i] ?? '').split(',').filter(Boolean);
    else throw new Error(`unknown option ${args[i]} (usage: npm run bench -- mutation-runner [--files lib/…/a.ts,lib/…/b.ts])`);
  }
  const missing = files.filter((f) => !/\.ts$/.test(f) || !fs.existsSync(f));
  if (files.length === 0 || missing.length) throw new Error(`--files: no TypeScript file ${missing.join(', ') || '(none given)'}`);
  return files;
}

function strykerRun(way: string, tag: string, plan: Exclude<ReturnType<typeof planMutationRun>, string>, vitestsWay: boolean): { figure: Figure; statuses: Map<string, MutantStatus> } {
  const report = path.join(OUT, `${tag}.json`);
  const config = path.join(OUT, `${tag}.stryker.mjs`);
  fs.rmSync(report, { force: true });
  fs.writeFileSync(
    config,
    `import base from '../../stryker.config.mjs';\nexport default { ...base, reporters: ['json'], jsonReporter: { fileName: '${report}' }, incremental: false };\n`,
  );
  const env = { ...process.env, NO_COLOR: '1', MUTATION_TESTS: plan.ownTests ?? '', ...(vitestsWay ? { MUTATION_FRESH_THREADS: '1', MUTATION_VITEST_ORDER: '1', MUTATION_FIXTURES_STATIC: '1' } : {}) };
  const started = performance.now();
  const child = spawnSync(process.execPath, [path.resolve('node_modules/@stryker-mutator/core/bin/stryker.js'), 'run', config, '--mutate', plan.mutate.join(',')], { env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const wallS = (performance.now() - started) / 1000;
  if (child.status !== 0 || !fs.existsSync(report)) throw new Error(`Stryker (${way}) failed with exit ${child.status}:\n${(child.stdout + child.stderr).slice(-3000)}`);
  const statuses = readStatuses(JSON.parse(fs.readFileSync(report, 'utf8')) as Report);
  const tested = [...statuses.values()].filter((s) => s === 'Killed' || s === 'Timeout' || s === 'Survived').length;
  const testingS = testingPhaseSeconds(child.stdout);
  return { figure: { way, wallS, testingS, tested, perMinute: (60 * tested) / testingS }, statuses };
}

/// Each mutant's status by where it is and what it does.
export function readStatuses(data: Report): Map<string, MutantStatus> {
  const statuses = new Map<string, MutantStatus>();
  for (const [file, { mutants }] of Object.entries(data.files)) {
    for (const m of mutants) statuses.set(`${file}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName} → ${(m.replacement ?? '').slice(0, 40)}`, m.status);
  }
  return statuses;
}

/// Seconds from Stryker's "Initial test run succeeded" line to its "Done in" line (both stamped
/// hh:mm:ss; a run past midnight wraps).
export function testingPhaseSeconds(log: string): number {
  const plain = log.replace(/\x1b\[[0-9;]*m/g, '');
  const at = (pattern: RegExp) => {
    const m = plain.match(new RegExp(`(\\d\\d):(\\d\\d):(\\d\\d) \\(\\d+\\) INFO ${pattern.source}`));
    if (!m) throw new Error(`no "${pattern.source}" line in Stryker's output`);
    return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
  };
  const seconds = at(/MutationTestExecutor Done in/) - at(/DryRunExecutor Initial test run succeeded/);
  return seconds < 0 ? seconds + 86_400 : seconds;
}

/// The cross-check: the same status both ways for every mutant (killed and timed out as one),
/// the same mutants, and some mutants tested.
export function compareStatuses(ours: Map<string, MutantStatus>, vitests: Map<string, MutantStatus>): string[] {
  const detected = (s: MutantStatus | undefined) => (s === 'Timeout' ? 'Killed' : s);
  const problems: string[] = [];
  for (const key of new Set([...ours.keys(), ...vitests.keys()])) {
    if (detected(ours.get(key)) !== detected(vitests.get(key))) problems.push(`${key}: ${ours.get(key) ?? 'missing'} as npm run mutation runs it, ${vitests.get(key) ?? 'missing'} Stryker's and vitest's way`);
  }
  if (![...vitests.values()].some((s) => s === 'Killed' || s === 'Survived')) problems.push('no mutant was tested: choose files that tests reach');
  return problems;
}
