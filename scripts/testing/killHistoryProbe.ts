import fs from 'node:fs';
import path from 'node:path';
import { createVitest } from 'vitest/node';
import { firstFailureOrder } from '../mutationSequencer';

// Run by mutationSequencer.test.ts in a child process: starts a real vitest on the project in
// argv[2] with firstFailureOrder's sequencer and reporter, and runs it as Stryker runs a mutant
// after another: `related` set to the mutated file, bail at the first failure. Before each run it
// writes argv[3]'s next entry to fail.json (the test file that is to fail, or none); it prints one
// JSON line: the order the files ran in, for each run.

const root = process.argv[2];
const failing = JSON.parse(process.argv[3]) as Array<string | null>;
const { sequencer, reporter } = firstFailureOrder();
const ctx = await createVitest('test', { root, config: false, include: ['*.test.ts'], sequence: { sequencer }, reporters: [reporter], isolate: false, maxWorkers: 1, fileParallelism: false, bail: 1, watch: false });
const orders: string[][] = [];
for (const fail of failing) {
  fs.writeFileSync(path.join(root, 'fail.json'), JSON.stringify(fail));
  fs.writeFileSync(path.join(root, 'order.json'), '[]');
  ctx.state.filesMap.clear();
  // Vitest clears `related` after a run; Stryker sets it again before each.
  ctx.config.related = [path.join(root, 'mutated.ts')];
  await ctx.start();
  orders.push(JSON.parse(fs.readFileSync(path.join(root, 'order.json'), 'utf8')));
}
await ctx.close();
// Vitest sets a failing exit code for the tests made to fail; the probe itself did its job.
process.exitCode = 0;
console.log(JSON.stringify(orders));
