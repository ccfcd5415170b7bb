import fs from 'node:fs';
import path from 'node:path';
import { createVitest } from 'vitest/node';
import { keptThreadsPool } from '../keptThreadsPool';

// Run by keptThreadsPool.test.ts in a child process: starts a real vitest on the project in
// argv[2] with keptThreadsPool, as Stryker would (one vitest, run after run, the mode of each run
// provided), and prints one JSON line: for each run, the tests that passed and what the test file
// recorded (its worker thread, how many times its module was loaded) and the test files the run
// loaded, in order, as each appends its name to loaded.txt. argv[4], if given, is vitest's `bail`,
// and argv[5] `isolate` (false, as in the mutation run, if given as "false").

type Run = { mode: 'dry-run' | 'mutant'; mutantActivation?: 'static' | 'runtime'; pattern: string };

const root = process.argv[2];
const runs = JSON.parse(process.argv[3]) as Run[];
const bail = Number(process.argv[4] ?? 0);
const isolate = process.argv[5] !== 'false';
const ctx = await createVitest('test', { root, config: false, include: ['*.test.ts'], pool: 'threads', maxWorkers: 1, watch: false, reporters: [{}], bail, isolate });
const pool = keptThreadsPool({ maxRuns: 3 });
for (const project of ctx.projects) {
  project.config.pool = pool.name;
  project.config.poolRunner = pool;
}
const results: Array<{ passed: string[]; failed: string[]; record: unknown; loaded: string[] }> = [];
for (const run of runs) {
  ctx.provide('mode', run.mode);
  if (run.mutantActivation) ctx.provide('mutantActivation', run.mutantActivation);
  for (const project of ctx.projects) project.config.testNamePattern = new RegExp(run.pattern);
  ctx.state.filesMap.clear();
  for (const file of ['record.json', 'loaded.txt']) fs.rmSync(path.join(root, file), { force: true });
  await ctx.start();
  const tasks = ctx.state.getFiles().flatMap((file) => file.tasks);
  const named = (state: string) => tasks.filter((task) => task.result?.state === state).map((task) => task.name);
  const record = fs.existsSync(path.join(root, 'record.json')) ? JSON.parse(fs.readFileSync(path.join(root, 'record.json'), 'utf8')) : null;
  const loaded = fs.existsSync(path.join(root, 'loaded.txt')) ? fs.readFileSync(path.join(root, 'loaded.txt'), 'utf8').split('\n').filter(Boolean) : [];
  results.push({ passed: named('pass'), failed: named('fail'), record, loaded });
}
await ctx.close();
console.log(JSON.stringify(results));
// A run with failing tests set the exit code; the probe itself worked.
process.exitCode = 0;
