import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlanKind, type MutantTestPlan } from '@stryker-mutator/api/core';
import { listEquivalents } from './mutation';
import { skipListedEquivalents } from './strykerEquivalents';

const root = '/project';
/// A plan to run one mutant, at a line and column counted from 0 as Stryker's plan has them.
const run = (id: string, file: string, line: number, column: number, mutatorName = 'ConditionalExpression', replacement = 'true') =>
  ({
    plan: PlanKind.Run,
    netTime: 12,
    runOptions: { activeMutant: { id }, timeout: 10_000 },
    mutant: { id, fileName: path.join(root, file), mutatorName, replacement, location: { start: { line, column }, end: { line, column: column + 4 } } },
  }) as unknown as MutantTestPlan;

describe('skipListedEquivalents', () => {
  const entries = listEquivalents(
    [
      'lib/auth/a.ts\t10\tConditionalExpression\ttrue\tthe next line refuses it anyway',
      'lib/auth/a.ts\t20:5\tEqualityOperator\tx >= 1\tonly this column: x is never 1 here',
    ].join('\n'),
  );

  it('turns the run of each listed mutant into an early "Ignored" result with the list’s reason, by line as in the report (from 1)', () => {
    const plans = [run('listed', 'lib/auth/a.ts', 9, 2), run('other line', 'lib/auth/a.ts', 10, 2), run('other replacement', 'lib/auth/a.ts', 9, 2, 'ConditionalExpression', 'false'), run('other file', 'lib/auth/b.ts', 9, 2)];
    expect(skipListedEquivalents(plans, entries, root)).toBe(1);
    expect(plans[0]).toEqual({
      plan: PlanKind.EarlyResult,
      mutant: expect.objectContaining({ id: 'listed', status: 'Ignored', statusReason: 'listed as equivalent (docs/mutation-equivalents.tsv): the next line refuses it anyway' }),
    });
    expect(plans.slice(1).map((p) => p.plan)).toEqual([PlanKind.Run, PlanKind.Run, PlanKind.Run]);
    expect(plans[1].mutant).not.toHaveProperty('status');
  });

  it('matches a line:column entry at that column only', () => {
    const plans = [run('at column', 'lib/auth/a.ts', 19, 4, 'EqualityOperator', 'x >= 1'), run('elsewhere', 'lib/auth/a.ts', 19, 30, 'EqualityOperator', 'x >= 1')];
    expect(skipListedEquivalents(plans, entries, root)).toBe(1);
    expect(plans.map((p) => p.plan)).toEqual([PlanKind.EarlyResult, PlanKind.Run]);
  });

  it('skips none of the mutants a line-only entry matches when it matches more than one (the same mutation at two columns)', () => {
    const plans = [run('first column', 'lib/auth/a.ts', 9, 2), run('second column', 'lib/auth/a.ts', 9, 40)];
    expect(skipListedEquivalents(plans, entries, root)).toBe(0);
    expect(plans.map((p) => p.plan)).toEqual([PlanKind.Run, PlanKind.Run]);
  });

  it('leaves a plan that is already an early result as it is', () => {
    const early = { plan: PlanKind.EarlyResult, mutant: { id: 'x', fileName: path.join(root, 'lib/auth/a.ts'), mutatorName: 'ConditionalExpression', replacement: 'true', status: 'CompileError', location: { start: { line: 9, column: 2 }, end: { line: 9, column: 6 } } } } as unknown as MutantTestPlan;
    expect(skipListedEquivalents([early], entries, root)).toBe(0);
    expect(early.mutant.status).toBe('CompileError');
  });
});
