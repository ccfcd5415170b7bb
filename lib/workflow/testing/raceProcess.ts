import { spawn } from 'node:child_process';
import { openDatabase } from '@/db/client';

/// What a race script printed: whether its action went through, or the refusal's code.
export type RaceResult = { ok: boolean; code?: string; message?: string };

/// Test support: runs a race script (`lib/workflow/testing/race*.ts`) in its own Node process.
/// `ready` resolves once the script has loaded and is about to act; `result` with the JSON line
/// it prints last. Under `npm run mutation` the child runs the mutant this test process has
/// switched on: Stryker's instrumented code reads it from `__STRYKER_ACTIVE_MUTANT__` in a
/// process Stryker did not start, so a race between processes can catch a mutant (a transaction
/// made deferred instead of immediate) that no test in one process can see.
export function raceProcess(script: string, args: string[]): { ready: Promise<void>; result: Promise<RaceResult> } {
  const active = (globalThis as { __stryker__?: { activeMutant?: string } }).__stryker__?.activeMutant;
  const env = { ...process.env, ...(active === undefined ? {} : { __STRYKER_ACTIVE_MUTANT__: String(active) }) };
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'inherit'], env });
  let out = '';
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on('data', (chunk) => {
    out += chunk;
    if (out.includes(READY)) markReady();
  });
  const result = new Promise<RaceResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', () => {
      markReady();
      resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '{}'));
    });
  });
  return { ready, result };
}

const READY = 'ready to act';

/// The body of a race script: says it is ready, runs `action` at once and prints what happened
/// as one JSON line for `raceProcess`.
export async function raceNow(action: () => unknown, codeOf: (e: unknown) => string): Promise<void> {
  console.log(READY);
  try {
    await action();
    console.log(JSON.stringify({ ok: true }));
  } catch (e) {
    console.log(JSON.stringify({ ok: false, code: codeOf(e), message: e instanceof Error ? e.message : String(e) }));
  }
}

/// Holds the write lock of the SQLite file until `release` is called (well inside the busy
/// timeout, 5 s). Race scripts that get ready while it is held all reach their transactions
/// before any of them can write, so the race is decided by how each transaction takes the lock,
/// not by which process happened to start first: a deferred transaction reads first and finds
/// its snapshot stale when it comes to write; an immediate one waits for the lock before it
/// reads anything.
export function holdWriteLock(file: string): { release: () => void } {
  const holder = openDatabase(file);
  holder.$client.exec('BEGIN IMMEDIATE');
  return {
    release: () => {
      holder.$client.exec('COMMIT');
      holder.$client.close();
    },
  };
}

/// Runs the race scripts while the write lock is held, lets it go half a second after the last
/// is ready (time to reach its transaction), and resolves with what each printed.
export async function raceUnderLock(file: string, start: () => { ready: Promise<void>; result: Promise<RaceResult> }[]): Promise<RaceResult[]> {
  const lock = holdWriteLock(file);
  const racers = start();
  try {
    await Promise.all(racers.map((r) => r.ready));
    await new Promise((resolve) => setTimeout(resolve, 500));
  } finally {
    lock.release();
  }
  return Promise.all(racers.map((r) => r.result));
}
