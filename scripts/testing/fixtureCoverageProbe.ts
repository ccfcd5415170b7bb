import fs from 'node:fs';
import path from 'node:path';
import { createVitest } from 'vitest/node';
import { determineHitLimitReached } from '@stryker-mutator/api/test-runner';
import { keptThreadsPool } from '../keptThreadsPool';
import { loadFailureReporter } from '../loadFailures';
import { markTestFileBodies } from '../testBodyMarker';

// Run by testBodyMarker.test.ts, keptThreadsPool.test.ts and loadFailures.test.ts in a child
// process: starts a real vitest on the project in argv[2] with Stryker's own setup file, then
// scripts/mutationSetup.ts, the test-file mark and the reporter of test files that fail to load, as
// vitest.mutation.config.mts has them under Stryker; runs it once in the mode given in argv[3]
// (JSON: what Stryker would provide) and prints one JSON line: the tests that failed and their
// errors, the coverage Stryker's setup hands on, what the test file recorded, and Stryker's verdict
// on the hit count the run hands on. With PROBE_STALL_MS set, the tests run in keptThreadsPool with
// that `stallMs`.

const root = process.argv[2];
const provided = JSON.parse(process.argv[3]) as Record<string, unknown>;
const strykerSetup = path.resolve('node_modules/@stryker-mutator/vitest-runner/dist/src/stryker-setup.js');
const ctx = await createVitest(
  'test',
  { root, config: false, include: ['*.test.ts'], setupFiles: [strykerSetup, path.resolve('scripts/mutationSetup.ts')], isolate: false, maxWorkers: 1, watch: false, reporters: [loadFailureReporter()] },
  { plugins: [markTestFileBodies()] },
);
if (process.env.PROBE_STALL_MS) {
  const pool = keptThreadsPool({ stallMs: Number(process.env.PROBE_STALL_MS) });
  for (const project of ctx.projects) {
    project.config.pool = pool.name;
    project.config.poolRunner = pool;
  }
}
for (const [key, value] of Object.entries({ globalNamespace: '__stryker__', isGreaterThanVitest4Point1: true, hitLimit: undefined, ...provided })) {
  ctx.provide(key as never, value as never);
}
await ctx.start();
const files = ctx.state.getFiles();
const record = path.join(root, 'record.json');
// Summed over the files, as Stryker's runner does; none when no file handed one on.
const hits = files.map((f) => (f.meta as { hitCount?: number }).hitCount).filter((n) => n !== undefined);
const hitCount = hits.length ? hits.reduce((a, b) => a + b, 0) : undefined;
console.log(
  JSON.stringify({
    failed: files.flatMap((f) => [f, ...f.tasks]).filter((t) => t.result?.state === 'fail').map((t) => t.name),
    errors: files.flatMap((f) => [f, ...f.tasks]).flatMap((t) => t.result?.errors ?? []).map((e) => e.message),
    timedOut: determineHitLimitReached(hitCount, provided.hitLimit as number | undefined)?.reason ?? null,
    coverage: (files[0]?.meta as { mutantCoverage?: unknown } | undefined)?.mutantCoverage ?? null,
    record: fs.existsSync(record) ? JSON.parse(fs.readFileSync(record, 'utf8')) : null,
  }),
);
await ctx.close();
// Vitest sets a failing exit code when a run's tests fail; the probe itself did its job.
process.exitCode = 0;
