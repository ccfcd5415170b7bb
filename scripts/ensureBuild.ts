import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// Everything the Next.js build reads; a change in any of them makes the build stale.
const inputs = ['app', 'lib', 'db', 'public', 'proxy.ts', 'next.config.js', 'tsconfig.json', 'package-lock.json'];
const stampFile = '.next/lawbench-source-hash';

/// Every file at or under `entry`, leaving out node_modules and names that start with a dot.
export function listFiles(entry: string): string[] {
  if (!fs.existsSync(entry)) return [];
  const stat = fs.statSync(entry);
  if (stat.isFile()) return [entry];
  return fs
    .readdirSync(entry)
    .filter((n) => n !== 'node_modules' && !n.startsWith('.'))
    .flatMap((n) => listFiles(path.join(entry, n)));
}

/// A hash of the build's inputs (paths and contents), ignoring tests.
export function sourceHash(root: string = process.cwd()): string {
  const h = createHash('sha256');
  const files = inputs.flatMap((i) => listFiles(path.join(root, i))).filter((f) => !/\.test\.tsx?$/.test(f)).sort();
  for (const f of files) h.update(path.relative(root, f)).update('\0').update(fs.readFileSync(f)).update('\0');
  return h.digest('hex');
}

/// Runs `next build` unless the last build was made from exactly the current sources.
export function ensureBuild(root: string = process.cwd(), log: (s: string) => void = console.log): { built: boolean; ms: number } {
  const started = Date.now();
  const hash = sourceHash(root);
  const stamp = path.join(root, stampFile);
  if (fs.existsSync(path.join(root, '.next/BUILD_ID')) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === hash) {
    return { built: false, ms: Date.now() - started };
  }
  log('Building the web app (next build)…');
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`);
  fs.writeFileSync(stamp, hash);
  return { built: true, ms: Date.now() - started };
}
