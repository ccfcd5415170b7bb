import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './localServer';

/// A real `redis-server` (Debian's package) for tests, benches and `npm run cluster`: its own
/// temporary folder, a free loopback port, no persistence.
export type LocalRedis = {
  url: string;
  port: number;
  /// Stops it (SIGTERM) and waits for it to exit; `start` brings it back on the same port.
  stop: () => Promise<void>;
  start: () => Promise<void>;
  /// Stops it for good and removes its folder.
  dispose: () => Promise<void>;
};

/// Where `redis-server` is, or a plain error saying how to install it.
export function redisServerBinary(): string {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim();
  if (!found) throw new Error('redis-server is not installed: apt-get install -y redis-server (CI does this in .ci/run)');
  return found;
}

/// Starts a private redis-server and resolves once it accepts connections.
export async function startLocalRedis(opts: { port?: number } = {}): Promise<LocalRedis> {
  const binary = redisServerBinary();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lawbench-redis-'));
  const port = opts.port ?? (await freePort());
  let child: ChildProcess | null = null;

  const start = () =>
    new Promise<void>((resolve, reject) => {
      const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--daemonize', 'no'];
      const started = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      child = started;
      let out = '';
      const onData = (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('Ready to accept connections')) {
          started.stdout!.off('data', onData);
          started.stdout!.resume();
          resolve();
        }
      };
      started.stdout!.on('data', onData);
      started.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
      started.once('exit', (code) => reject(new Error(`redis-server exited (${code}) before it was ready: ${out.slice(-500)}`)));
    });

  const stop = () =>
    new Promise<void>((resolve) => {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null) return resolve();
      running.once('exit', () => resolve());
      running.kill('SIGTERM');
    });

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop,
    start,
    dispose: async () => {
      await stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
