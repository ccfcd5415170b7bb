import path from 'node:path';
import ts from 'typescript';
import { CheckStatus, type Checker, type CheckResult } from '@stryker-mutator/api/check';
import type { Mutant, StrykerOptions } from '@stryker-mutator/api/core';
import { commonTokens, declareClassPlugin, PluginKind, tokens } from '@stryker-mutator/api/plugin';
import { createIncrementalTypeCheck, type IncrementalTypeCheck } from './createIncrementalTypeCheck';

/// The TypeScript checker of `npm run mutation` (stryker.config.mjs, `checkers:
/// ['lawbench-typescript']`): a mutant that does not compile is not run as a test. It does the job
/// of @stryker-mutator/typescript-checker, which takes about 3 s a mutant here because each check
/// builds its program again from scratch; this one keeps the previous program and checks only what
/// the mutant's change can affect (createIncrementalTypeCheck), 0.1–0.25 s a mutant; and it checks
/// mutants of files unrelated by imports together, in one compile (`groupMutants`). `npm run bench
/// -- type-check` measures all three ways.
export class IncrementalTypeChecker implements Checker {
  static inject = tokens(commonTokens.options);
  private readonly tsconfigFile: string;
  private typeCheck?: IncrementalTypeCheck;

  constructor(options: StrykerOptions) {
    this.tsconfigFile = options.tsconfigFile;
  }

  async init(): Promise<void> {
    const typeCheck = createIncrementalTypeCheck(this.tsconfigFile);
    if (typeCheck.initialErrors.length) {
      throw new Error(`${this.tsconfigFile}: the project does not compile before any mutant:\n${formatErrors(typeCheck.initialErrors)}`);
    }
    this.typeCheck = typeCheck;
  }

  /// Stryker's mutants, in groups it then checks one group at a time (see `groupMutants`).
  async group(mutants: Mutant[]): Promise<string[][]> {
    const typeCheck = this.started();
    return groupMutants(mutants, (f) => typeCheck.dependenciesOf(f)).map((group) => group.map((m) => m.id));
  }

  async check(mutants: Mutant[]): Promise<Record<string, CheckResult>> {
    const typeCheck = this.started();
    const results: Record<string, CheckResult> = {};
    // A file the program does not include cannot be checked; its mutant goes on to the tests.
    const inProgram: Mutant[] = [];
    for (const m of mutants) {
      if (typeCheck.includes(m.fileName)) inProgram.push(m);
      else results[m.id] = { status: CheckStatus.Passed };
    }
    for (const group of groupMutants(inProgram, (f) => typeCheck.dependenciesOf(f))) Object.assign(results, this.checkTogether(typeCheck, group));
    return results;
  }

  /// One compile for mutants of files that do not depend on one another. An error in a mutant's
  /// own file is that mutant's: no other mutant's file is among the files it depends on. An error
  /// in another file may be any of the mutants it depends on, so those are checked again alone.
  private checkTogether(typeCheck: IncrementalTypeCheck, group: Mutant[]): Record<string, CheckResult> {
    const compile = (mutants: Mutant[]) => typeCheck.check(new Map(mutants.map((m) => [path.resolve(m.fileName), applyMutant(typeCheck.originalText(m.fileName), m)])));
    const errors = compile(group);
    if (group.length === 1) return { [group[0].id]: verdict(errors) };
    const results: Record<string, CheckResult> = {};
    const own = new Set(group.map((m) => path.resolve(m.fileName)));
    const elsewhere = new Set(errors.map(errorFile).filter((f) => !own.has(f)));
    for (const mutant of group) {
      const file = path.resolve(mutant.fileName);
      const suspect = [...elsewhere].some((f) => f === '' || typeCheck.dependenciesOf(f).has(file));
      results[mutant.id] = suspect ? verdict(compile([mutant])) : verdict(errors.filter((e) => errorFile(e) === file));
    }
    return results;
  }

  private started(): IncrementalTypeCheck {
    if (!this.typeCheck) throw new Error('the TypeScript checker was asked to check before init');
    return this.typeCheck;
  }
}

/// Mutants in groups that can share one compile: no two in the same file, and no group holds two
/// files one of which depends on the other (`dependenciesOf`: a file's dependencies, itself
/// included). Each mutant goes to the first group that can take it, so a file's mutants keep their
/// order across groups; at most `maxSize` a group, so that a group checked again mutant by mutant
/// (an error outside its files) stays short.
export function groupMutants<M extends Pick<Mutant, 'fileName'>>(mutants: readonly M[], dependenciesOf: (fileName: string) => ReadonlySet<string>, maxSize = 40): M[][] {
  const groups: Array<{ mutants: M[]; files: Set<string>; reached: Set<string> }> = [];
  // Where each file's next mutant may start looking: the groups before it already hold that file.
  const from = new Map<string, number>();
  for (const mutant of mutants) {
    const file = path.resolve(mutant.fileName);
    const deps = dependenciesOf(file);
    let at = from.get(file) ?? 0;
    for (; at < groups.length; at++) {
      const g = groups[at];
      if (g.mutants.length < maxSize && !g.reached.has(file) && ![...g.files].some((f) => deps.has(f))) break;
    }
    if (at === groups.length) groups.push({ mutants: [], files: new Set(), reached: new Set() });
    const g = groups[at];
    g.mutants.push(mutant);
    g.files.add(file);
    for (const d of deps) g.reached.add(d);
    from.set(file, at + 1);
  }
  return groups.map((g) => g.mutants);
}

function verdict(errors: readonly ts.Diagnostic[]): CheckResult {
  return errors.length ? { status: CheckStatus.CompileError, reason: formatErrors(errors) } : { status: CheckStatus.Passed };
}

/// The file (absolute path) an error is in, or '' for an error of no file (options, globals).
function errorFile(error: ts.Diagnostic): string {
  return error.file ? path.resolve(error.file.fileName) : '';
}

/// The text of a file with the mutant's replacement put in place of its location (lines and
/// columns counted from 0, as Stryker gives them to a checker).
export function applyMutant(text: string, mutant: Pick<Mutant, 'location' | 'replacement'>): string {
  const lineStarts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lineStarts.push(at + 1);
  const offset = ({ line, column }: { line: number; column: number }) => {
    const start = lineStarts[line];
    const end = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length + 1;
    if (start === undefined || column < 0 || start + column >= end) throw new Error(`no line ${line + 1}, column ${column + 1} in the file`);
    return start + column;
  };
  const start = offset(mutant.location.start);
  const end = offset(mutant.location.end);
  if (end < start) throw new Error(`the mutant ends (line ${mutant.location.end.line + 1}) before it starts (line ${mutant.location.start.line + 1})`);
  return text.slice(0, start) + mutant.replacement + text.slice(end);
}

function formatErrors(errors: readonly ts.Diagnostic[]): string {
  return ts.formatDiagnostics(errors, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => process.cwd(), getNewLine: () => '\n' });
}

export const strykerPlugins = [declareClassPlugin(PluginKind.Checker, 'lawbench-typescript', IncrementalTypeChecker)];
