import ts from 'typescript';
import { CheckStatus, type Checker, type CheckResult } from '@stryker-mutator/api/check';
import type { Mutant, StrykerOptions } from '@stryker-mutator/api/core';
import { commonTokens, declareClassPlugin, PluginKind, tokens } from '@stryker-mutator/api/plugin';
import { createIncrementalTypeCheck, type IncrementalTypeCheck } from './createIncrementalTypeCheck';

/// The TypeScript checker of `npm run mutation` (stryker.config.mjs, `checkers:
/// ['lawbench-typescript']`): a mutant that does not compile is not run as a test. It does the job
/// of @stryker-mutator/typescript-checker, which takes about 3 s a mutant here because each check
/// builds its program again from scratch; this one keeps the previous program and checks only what
/// the mutant's change can affect (createIncrementalTypeCheck), 0.1–0.25 s a mutant (`npm run
/// bench -- type-check` measures both).
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

  async check(mutants: Mutant[]): Promise<Record<string, CheckResult>> {
    const typeCheck = this.typeCheck;
    if (!typeCheck) throw new Error('the TypeScript checker was asked to check before init');
    const results: Record<string, CheckResult> = {};
    // One mutant at a time: an error then belongs to that mutant.
    for (const mutant of mutants) {
      // A file the program does not include cannot be checked; its mutant goes on to the tests.
      if (!typeCheck.includes(mutant.fileName)) {
        results[mutant.id] = { status: CheckStatus.Passed };
        continue;
      }
      const text = applyMutant(typeCheck.originalText(mutant.fileName), mutant);
      const errors = typeCheck.check(new Map([[mutant.fileName, text]]));
      results[mutant.id] = errors.length ? { status: CheckStatus.CompileError, reason: formatErrors(errors) } : { status: CheckStatus.Passed };
    }
    return results;
  }
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
