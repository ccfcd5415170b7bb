import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from './localServer';

/// A real PostgreSQL server (Debian's package) for tests, benches and `npm run cluster`: its own
/// data folder in a temporary directory, a free loopback port, one database `lawbench`.
export type LocalPostgres = {
  /// `postgres://lawbench@127.0.0.1:PORT/lawbench`
  url: string;
  port: number;
  /// Stops the server (fast shutdown: open connections are cut); `start` brings it back.
  stop: () => void;
  start: () => void;
  /// Stops it for good and removes its folder.
  dispose: () => void;
};

/// The folder of PostgreSQL's server programs (`initdb`, `pg_ctl`), or a plain error saying how
/// to install them. Debian keeps them outside PATH, in /usr/lib/postgresql/<version>/bin.
export function postgresBinaries(): string {
  const fromPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  if (fromPath) return path.dirname(fs.realpathSync(fromPath));
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb'))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) throw new Error('PostgreSQL is not installed: apt-get install -y postgresql (CI does this in .ci/run)');
  return path.join(root, versions[0], 'bin');
}

/// Runs one of PostgreSQL's programs; as root it runs as the `postgres` user, since the server
/// refuses to run as root.
function runPg(bin: string, program: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const command = asRoot ? 'runuser' : path.join(bin, program);
  const argv = asRoot ? ['-u', 'postgres', '--', path.join(bin, program), ...args] : args;
  const result = spawnSync(command, argv, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${program} failed (${result.status}): ${(result.stderr || result.stdout || String(result.error)).slice(-800)}`);
}

/// Starts a private PostgreSQL and resolves once the database `lawbench` accepts connections.
/// `durable: false` (tests) turns fsync off.
export async function startLocalPostgres(opts: { durable?: boolean } = {}): Promise<LocalPostgres> {
  const bin = postgresBinaries();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lawbench-pg-'));
  if (process.getuid?.() === 0) {
    const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    if (!Number.isInteger(uid)) throw new Error('running as root needs the postgres user that Debian’s package creates');
    fs.chownSync(dir, uid, gid);
  }
  const data = path.join(dir, 'data');
  const port = await freePort();
  runPg(bin, 'initdb', ['-D', data, '-U', 'lawbench', '-A', 'trust', '--encoding=UTF8', '--locale=C', '--no-sync']);
  const settings = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses='127.0.0.1'",
    '-c max_connections=200',
    ...(opts.durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
  ].join(' ');
  const start = () => runPg(bin, 'pg_ctl', ['-D', data, '-o', settings, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  const stop = () => runPg(bin, 'pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  start();
  const admin = new pg.Client({ host: '127.0.0.1', port, user: 'lawbench', database: 'postgres' });
  await admin.connect();
  await admin.query('CREATE DATABASE lawbench');
  await admin.end();
  return {
    url: `postgres://lawbench@127.0.0.1:${port}/lawbench`,
    port,
    stop,
    start,
    dispose: () => {
      try {
        stop();
      } catch {
        // Already stopped.
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
