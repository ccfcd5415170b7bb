import { spawn, type ChildProcess } from 'node:child_process';
import { sqliteEngine } from '@/db/engine';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrateDatabase, openDatabase } from '@/db/client';
import { seedDemoData } from '@/lib/demo';
import { seedLibrary } from '@/lib/demo';
import { demoSite, seedConsultation, seedExplainers, seedPublication, seedWorkflow } from '@/lib/demo';
import { ensureBuild } from '../scripts/ensureBuild';
import { freePort, waitForHttp, webServerArgs } from '../scripts/localServer';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    databasePath: string;
    collabPort: number;
    /// The file the web and collaboration servers' output is appended to.
    serverLog: string;
  }
}



/// Builds the app if needed, seeds a fresh database file and starts `next start` on a free port
/// for the browser tests; everything is torn down afterwards.
export default async function setup(project: TestProject) {
  ensureBuild(process.cwd());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lawbench-e2e-'));
  const databasePath = path.join(dir, 'e2e.db');
  const db = openDatabase(databasePath);
  migrateDatabase(db);
  const engine = sqliteEngine(db);
  await seedDemoData(engine);
  await seedLibrary(engine);
  await seedConsultation(engine);
  await seedWorkflow(engine);
  await seedPublication(engine);
  await seedExplainers(engine);
  db.$client.close();
  const port = await freePort();
  const collabPort = await freePort();
  const env: NodeJS.ProcessEnv = { ...demoSite, ...process.env, DATABASE_PATH: databasePath, COLLAB_PORT: String(collabPort), COLLAB_HOST: '127.0.0.1', NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' as const };
  const server: ChildProcess = spawn(process.execPath, webServerArgs(process.cwd(), port, '127.0.0.1'), { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const collab: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'collab-server/main.ts'], { env: { ...env, LAWBENCH_WEB_PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  // Also on disk as it comes, so that a test can look for what the servers logged.
  const serverLog = path.join(dir, 'servers.log');
  for (const child of [server, collab]) {
    for (const stream of [child.stdout!, child.stderr!]) {
      stream.on('data', (d: Buffer) => {
        output += d;
        fs.appendFileSync(serverLog, d);
      });
    }
  }
  const baseURL = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${baseURL}/api/v1/openapi.json`, 60_000);
    await waitForHttp(`http://127.0.0.1:${collabPort}/health`, 30_000);
  } catch (e) {
    server.kill('SIGKILL');
    collab.kill('SIGKILL');
    throw new Error(`${(e as Error).message}\n${output}`);
  }
  project.provide('baseURL', baseURL);
  project.provide('databasePath', databasePath);
  project.provide('collabPort', collabPort);
  project.provide('serverLog', serverLog);
  return async () => {
    for (const child of [server, collab]) {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    }
    if (process.env.E2E_SERVER_LOG) fs.writeFileSync(process.env.E2E_SERVER_LOG, output);
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
