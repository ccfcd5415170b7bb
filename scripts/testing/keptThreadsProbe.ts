import fs from 'node:fs';
import path from 'node:path';
import { createVitest } from 'vitest/node';
import { keptThreadsPool } from '../keptThreadsPool';

// Run by keptThreadsPool.test.ts in a child process: starts a real vitest on the project in
// argv[2] with keptThreadsPool, as Stryker would (one vitest, run after run, the mode of each run
// provided), and prints one JSON line: for each run, the tests that passed and what the test file
// recorded (its worker thread, how many times its module was loaded).

type Run = { mode: 'dry-run' | 'mutant'; mutantActivation?: 'static' | 'runtime'; pattern: string };

const root = process.argv[2];
const runs = JSON.parse(process.argv[3]) as Run[];
const ctx = await createVitest('test', { root, config: false, include: ['*.test.ts'], pool: 'threads', maxWorkers: 1, watch: false, reporters: [{}] });
const pool = keptThreadsPool({ maxRuns: 3 });
for (const project of ctx.projects) {
  project.config.pool = pool.name;
  project.config.poolRunner = pool;
}
const results: Array<{ passed: string[]; record: unknown }> = [];
for (const run of runs) {
  ctx.provide('mode', run.mode);
  if (run.mutantActivation) ctx.provide('mutantActivation', run.mutantActivation);
  for (const project of ctx.projects) project.config.testNamePattern = new RegExp(run.pattern);
  ctx.state.filesMap.clear();
  fs.rmSync(path.join(root, 'record.json'), { force: true });
  await ctx.start();
  const passed = ctx.state
    .getFiles()
    .flatMap((file) => file.tasks)
    .filter((task) => task.result?.state === 'pass')
    .map((task) => task.name);
  const record = fs.existsSync(path.join(root, 'record.json')) ? JSON.parse(fs.readFileSync(path.join(root, 'record.json'), 'utf8')) : null;
  results.push({ passed, record });
}
await ctx.close();
console.log(JSON.stringify(results));
