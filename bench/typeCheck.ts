import fs from 'node:fs';
import path from 'node:path';
import { CheckStatus, type Checker } from '@stryker-mutator/api/check';
import type { Mutant, StrykerOptions } from '@stryker-mutator/api/core';
import type { Logger } from '@stryker-mutator/api/logging';
import { commonTokens } from '@stryker-mutator/api/plugin';
import { Instrumenter } from '@stryker-mutator/instrumenter';
import { createTypescriptChecker } from '@stryker-mutator/typescript-checker';
import { createInjector } from 'typed-inject';
import { IncrementalTypeChecker } from '../scripts/strykerTypeChecker';
import { mutatedFiles } from '../scripts/mutation';
import { printChecks, printTable, failOnProblems, percentile } from './report';

const DEFAULT_FILE = 'lib/legal-text/parseAmendmentDecisionTokens.ts';
const DEFAULT_MUTANTS = 40;
const DEFAULT_SPREAD = 400;
const TSCONFIG = 'tsconfig.mutation.json';

interface Figure {
  checker: string;
  initMs: number;
  mutants: number;
  compileErrors: number;
  /// The first check, apart: it pays for work the later ones reuse.
  firstMs: number;
  /// Over the checks after the first.
  meanMs: number;
  p95Ms: number;
}

/// `npm run bench -- type-check [--file lib/…/x.ts] [--mutants 40]`: how long the mutation run's
/// TypeScript checker (scripts/strykerTypeChecker.ts) takes to tell whether a mutant compiles,
/// beside Stryker's own checker (@stryker-mutator/typescript-checker, as `npm run mutation` used
/// it: prioritizePerformanceOverAccuracy) on the same mutants. The mutants are Stryker's own, from
/// its instrumenter, spread evenly over the file. Cross-check: both checkers must give every
/// mutant the same verdict, and the mutants must include some of each (else the bench shows
/// nothing about finding errors).
///
/// Then the checker as the run uses it, mutants of unrelated files checked together in one compile
/// (`group`), beside the same checker one mutant at a time, on `--spread` mutants taken evenly from
/// every file the run mutates (its five folders), in Stryker's order. Cross-check: the same verdict
/// on every mutant.
export async function run(args: string[]): Promise<void> {
  const { file, count, spread } = readArgs(args);
  const mutants = spreadEvenly(await strykerMutants(file), count);
  process.stdout.write(`${mutants.length} of Stryker's mutants of ${file}, checked against ${TSCONFIG}\n\n`);

  const oursFigure = await measure('ours (incremental)', new IncrementalTypeChecker({ tsconfigFile: TSCONFIG } as StrykerOptions), mutants);
  const stockFigure = await measure('@stryker-mutator/typescript-checker', stockChecker(), mutants);
  const figures = [oursFigure.figure, stockFigure.figure];

  printTable([
    ['checker', 'start (s)', 'mutants', 'do not compile', 'first ms', 'then mean ms', 'p95 ms', '× faster'],
    ...figures.map((f) => [f.checker, (f.initMs / 1000).toFixed(1), String(f.mutants), String(f.compileErrors), f.firstMs.toFixed(0), f.meanMs.toFixed(0), f.p95Ms.toFixed(0), (stockFigure.figure.meanMs / f.meanMs).toFixed(1)]),
  ]);
  const problems = compareVerdicts(mutants, oursFigure.verdicts, stockFigure.verdicts);

  const runMutants = spreadEvenly(await strykerMutants(...mutatedFiles()), spread);
  process.stdout.write(`\n${runMutants.length} of Stryker's mutants of the ${new Set(runMutants.map((m) => m.fileName)).size} files npm run mutation mutates, in its order\n\n`);
  const alone = await measureWhole('ours, one mutant a compile', runMutants, false);
  const together = await measureWhole('ours, unrelated files together (as run)', runMutants, true);
  printTable([
    ['checker', 'mutants', 'compiles', 'do not compile', 'checking (s)', '× faster'],
    ...[alone, together].map((w) => [w.name, String(runMutants.length), String(w.compiles), String(runMutants.length - w.compiles), (w.ms / 1000).toFixed(1), (alone.ms / w.ms).toFixed(1)]),
  ]);
  problems.push(...compareVerdicts(runMutants, together.verdicts, alone.verdicts, ['checked together', 'alone']));
  printChecks(problems);
  console.log(JSON.stringify({ bench: 'type-check', file, figures, ratio: stockFigure.figure.meanMs / oursFigure.figure.meanMs, grouped: { mutants: runMutants.length, groups: together.groups, aloneMs: alone.ms, togetherMs: together.ms, ratio: alone.ms / together.ms } }));
  failOnProblems(problems);
}

/// A fresh checker's time to check all the mutants: one at a time, or in the groups it makes.
async function measureWhole(name: string, mutants: Mutant[], grouped: boolean) {
  const checker = new IncrementalTypeChecker({ tsconfigFile: TSCONFIG } as StrykerOptions);
  await checker.init();
  const started = performance.now();
  const groups = grouped ? await checker.group(mutants) : mutants.map((m) => [m.id]);
  const byId = new Map(mutants.map((m) => [m.id, m]));
  const verdicts = new Map<string, boolean>();
  for (const ids of groups) {
    const results = await checker.check(ids.map((id) => byId.get(id)!));
    for (const id of ids) verdicts.set(id, results[id]?.status === CheckStatus.CompileError);
  }
  const ms = performance.now() - started;
  return { name, ms, verdicts, groups: groups.length, compiles: [...verdicts.values()].filter((v) => !v).length };
}

function readArgs(args: string[]): { file: string; count: number; spread: number } {
  let file = DEFAULT_FILE;
  let count = DEFAULT_MUTANTS;
  let spread = DEFAULT_SPREAD;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--file') file = args[++i] ?? '';
    else if (a === '--mutants') count = Number(args[++i]);
    else if (a === '--spread') spread = Number(args[++i]);
    else throw new Error(`unknown option ${a} (usage: npm run bench -- type-check [--file lib/…/x.ts] [--mutants N] [--spread N])`);
  }
  if (!Number.isInteger(spread) || spread < 2) throw new Error(`--spread needs a whole number of at least 2`);
  if (!/\.ts$/.test(file) || !fs.existsSync(file)) throw new Error(`--file: no TypeScript file ${file}`);
  if (!Number.isInteger(count) || count < 2) throw new Error(`--mutants needs a whole number of at least 2`);
  return { file, count, spread };
}

async function strykerMutants(...files: string[]): Promise<Mutant[]> {
  const instrumenter = new Instrumenter(quietLogger);
  const { mutants } = await instrumenter.instrument(
    files.map((file) => ({ name: path.resolve(file), content: fs.readFileSync(file, 'utf8'), mutate: true })),
    { plugins: null, excludedMutations: [], ignorers: [] },
  );
  return mutants.map((m) => ({ ...m, fileName: path.resolve(m.fileName) }));
}

/// `count` of the mutants, taken at even steps from the first to the last.
export function spreadEvenly<T>(all: readonly T[], count: number): T[] {
  if (all.length <= count) return [...all];
  return Array.from({ length: count }, (_, i) => all[Math.round((i * (all.length - 1)) / (count - 1))]);
}

async function measure(name: string, checker: Checker, mutants: Mutant[]): Promise<{ figure: Figure; verdicts: Map<string, boolean> }> {
  const started = performance.now();
  await checker.init();
  const initMs = performance.now() - started;
  const times: number[] = [];
  const verdicts = new Map<string, boolean>();
  for (const mutant of mutants) {
    const start = performance.now();
    const result = (await checker.check([mutant]))[mutant.id];
    times.push(performance.now() - start);
    verdicts.set(mutant.id, result?.status === CheckStatus.CompileError);
  }
  const compileErrors = [...verdicts.values()].filter(Boolean).length;
  const [firstMs, ...rest] = times;
  const meanMs = rest.reduce((a, b) => a + b, 0) / rest.length;
  return { figure: { checker: name, initMs, mutants: mutants.length, compileErrors, firstMs, meanMs, p95Ms: percentile(rest, 95) }, verdicts };
}

/// The cross-check: the same verdict from both checkers on every mutant, and both verdicts seen.
export function compareVerdicts(mutants: Pick<Mutant, 'id' | 'mutatorName' | 'replacement' | 'location'>[], ours: Map<string, boolean>, stock: Map<string, boolean>, [oursName, stockName] = ['ours', "Stryker's checker"]): string[] {
  const problems: string[] = [];
  for (const m of mutants) {
    if (ours.get(m.id) === stock.get(m.id)) continue;
    const where = `line ${m.location.start.line + 1}, ${m.mutatorName} → ${m.replacement.slice(0, 30)}`;
    problems.push(`${where}: ${oursName} says ${ours.get(m.id) ? 'does not compile' : 'compiles'}, ${stockName} says ${stock.get(m.id) ? 'does not compile' : 'compiles'}`);
  }
  const failed = [...stock.values()].filter(Boolean).length;
  if (failed === 0 || failed === stock.size) problems.push(`the ${stock.size} mutants all ${failed ? 'fail' : 'pass'} (${stockName}): choose a file or a count with both kinds`);
  return problems;
}

function stockChecker(): Checker {
  const options = { tsconfigFile: TSCONFIG, typescriptChecker: { prioritizePerformanceOverAccuracy: true } } as unknown as StrykerOptions;
  const injector = createInjector().provideValue(commonTokens.getLogger, () => quietLogger).provideValue(commonTokens.options, options);
  return (createTypescriptChecker as unknown as (i: typeof injector) => Checker)(injector);
}

const quietLogger: Logger = {
  isTraceEnabled: () => false,
  isDebugEnabled: () => false,
  isInfoEnabled: () => false,
  isWarnEnabled: () => true,
  isErrorEnabled: () => true,
  isFatalEnabled: () => true,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string, ...args: unknown[]) => console.warn(message, ...args),
  error: (message: string, ...args: unknown[]) => console.error(message, ...args),
  fatal: (message: string, ...args: unknown[]) => console.error(message, ...args),
};
