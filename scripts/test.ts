import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// Runs the whole suite (unit and browser projects) in one vitest run, then prints the plain
// closing line CI reads: `N passed, N failed`. Extra arguments go to vitest (e.g. a file name).
const report = path.resolve('test-results/vitest.json');
fs.mkdirSync(path.dirname(report), { recursive: true });
fs.rmSync(report, { force: true });
const args = ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)];
const run = spawnSync(process.execPath, [path.resolve('node_modules/vitest/vitest.mjs'), ...args], {
  stdio: 'inherit',
  env: { ...process.env, NO_COLOR: '1', NEXT_TELEMETRY_DISABLED: '1' },
});

let passed = 0;
let failed = 0;
let skipped = 0;
if (fs.existsSync(report)) {
  const r = JSON.parse(fs.readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; testResults: { status: string }[] };
  passed = r.numPassedTests;
  failed = r.numFailedTests;
  skipped = r.numPendingTests + r.numTodoTests;
  // A file that fails before any test runs (import error, failed setup) has no failed test in it.
  const brokenFiles = r.testResults.filter((f) => f.status === 'failed').length;
  if (run.status !== 0 && failed === 0) failed = Math.max(1, brokenFiles);
} else if (run.status !== 0) {
  failed = 1;
}
const summary = `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
fs.writeFileSync(path.resolve('test-results/summary.txt'), `${summary}\n`);
console.log(summary);
process.exit(run.status === 0 && failed === 0 && passed > 0 ? 0 : 1);
