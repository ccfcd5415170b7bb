import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrateDatabase, openDatabase } from '../db/client';
import { seedDemoData } from '../lib/demo/seedDemoData';
import { seedLibrary } from '../lib/demo/seedLibrary';
import { ensureBuild } from '../scripts/ensureBuild';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    databasePath: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server at ${url} did not start in ${ms} ms`);
}

/// Builds the app if needed, seeds a fresh database file and starts `next start` on a free port
/// for the browser tests; everything is torn down afterwards.
export default async function setup(project: TestProject) {
  ensureBuild(process.cwd());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lawbench-e2e-'));
  const databasePath = path.join(dir, 'e2e.db');
  const db = openDatabase(databasePath);
  migrateDatabase(db);
  await seedDemoData(db);
  await seedLibrary(db);
  db.$client.close();
  const port = await freePort();
  const server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...process.env, DATABASE_PATH: databasePath, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout!.on('data', (d) => (output += d));
  server.stderr!.on('data', (d) => (output += d));
  const baseURL = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${baseURL}/api/v1/openapi.json`, 60_000);
  } catch (e) {
    server.kill('SIGKILL');
    throw new Error(`${(e as Error).message}\n${output}`);
  }
  project.provide('baseURL', baseURL);
  project.provide('databasePath', databasePath);
  return async () => {
    server.kill('SIGTERM');
    await new Promise((r) => (server.exitCode !== null ? r(null) : server.once('exit', r)));
    if (process.env.E2E_SERVER_LOG) fs.writeFileSync(process.env.E2E_SERVER_LOG, output);
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
