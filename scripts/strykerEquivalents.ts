import fs from 'node:fs';
import path from 'node:path';
import { PlanKind, type MutantTestPlan } from '@stryker-mutator/api/core';
import { declareClassPlugin, PluginKind } from '@stryker-mutator/api/plugin';
import type { Reporter } from '@stryker-mutator/api/report';
import { listEquivalents, mutantKeys, type Equivalent } from './mutation';

/// The file of listed equivalent mutants, read from where Stryker runs (the project's root).
export const equivalentsFile = 'docs/mutation-equivalents.tsv';

/// A listed equivalent mutant survives every run: no test can tell it from the original. Running
/// its tests anyway costs the most a mutant can, every test that reaches it, with no bail. The
/// plan's runs of the mutants docs/mutation-equivalents.tsv lists become early results instead:
/// "Ignored", with the list's reason, and scripts/mutation.ts counts them as equivalent. Returns
/// how many. Lines and columns in the list are as in Stryker's report (from 1); the plan's are
/// from 0.
export function skipListedEquivalents(plans: MutantTestPlan[], entries: readonly Equivalent[], root: string): number {
  const reasons = new Map(entries.map((e) => [e.key, e.reason]));
  // An entry names a line, or a line and column. A line may hold the same mutation at two
  // columns, only one of them equivalent (the list's scores count a listed mutant as equivalent
  // only when it survives): such an entry, matching more than one mutant, skips none of them.
  const matched = new Map<string, Array<Extract<MutantTestPlan, { plan: PlanKind.Run }>>>();
  for (const plan of plans) {
    if (plan.plan !== PlanKind.Run) continue;
    const { mutant } = plan;
    const file = path.relative(root, mutant.fileName).split(path.sep).join('/');
    const start = { line: mutant.location.start.line + 1, column: mutant.location.start.column + 1 };
    const key = mutantKeys(file, start, mutant.mutatorName, mutant.replacement).find((k) => reasons.has(k));
    if (key) matched.set(key, [...(matched.get(key) ?? []), plan]);
  }
  let skipped = 0;
  for (const [key, [plan, ...others]] of matched) {
    if (others.length) continue;
    // The plan Stryker goes on to carry out is this object: it becomes an early result in place.
    const early = plan as unknown as Record<string, unknown>;
    delete early.runOptions;
    delete early.netTime;
    early.plan = PlanKind.EarlyResult;
    Object.assign(plan.mutant, { status: 'Ignored', statusReason: `listed as equivalent (${equivalentsFile}): ${reasons.get(key)}` });
    skipped++;
  }
  return skipped;
}

/// The reporter ('lawbench-equivalents' in stryker.config.mjs). Stryker hands reporters the plan
/// before it carries it out; this one must act before it returns, so it does its work at once.
/// `MUTATION_RUN_EQUIVALENTS=1` (`npm run mutation -- --run-equivalents`) runs them all, to find a
/// listed mutant that some test now kills and so is not equivalent.
export class ListedEquivalentsReporter implements Reporter {
  onMutationTestingPlanReady({ mutantPlans }: { mutantPlans: readonly MutantTestPlan[] }): void {
    if (process.env.MUTATION_RUN_EQUIVALENTS === '1' || !fs.existsSync(equivalentsFile)) return;
    const skipped = skipListedEquivalents(mutantPlans as MutantTestPlan[], listEquivalents(fs.readFileSync(equivalentsFile, 'utf8')), process.cwd());
    console.log(`lawbench: ${skipped} mutants listed as equivalent in ${equivalentsFile} are not run (--run-equivalents runs them)`);
  }
}

export const strykerPlugins = [declareClassPlugin(PluginKind.Reporter, 'lawbench-equivalents', ListedEquivalentsReporter)];
