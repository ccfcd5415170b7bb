// Helpers for starting a local server in tests and benchmarks.
import net from 'node:net';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';

/// A TCP port on 127.0.0.1 that nothing listens on right now.
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/// Resolves once `url` answers with anything but a server error; fails after `ms`.
export async function waitForHttp(url: string, ms: number): Promise<void> {
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

/// The arguments for `node` that run the built web app on `port` (see web-server/main.ts), from
/// the repository at `root`; `host` limits it to one interface.
export function webServerArgs(root: string, port: number, host?: string): string[] {
  return ['--import', 'tsx', path.join(root, 'web-server/main.ts'), String(port), ...(host ? [host] : [])];
}

/// Starts the built web app on a free port of 127.0.0.1 for a benchmark, on the SQLite file
/// `databasePath` with `env` added (its own output to stderr only), and resolves with the process
/// and its base URL once `readyPath` answers.
export async function startBenchWebServer(
  databasePath: string,
  opts: { readyPath: string; env?: Record<string, string>; nodeArgs?: string[] },
): Promise<{ server: ChildProcess; base: string }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [...(opts.nodeArgs ?? []), ...webServerArgs(process.cwd(), port, '127.0.0.1')], {
    env: { ...process.env, ...opts.env, DATABASE_PATH: databasePath, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitForHttp(`${base}${opts.readyPath}`, 60_000);
  } catch (e) {
    server.kill('SIGTERM');
    throw e;
  }
  return { server, base };
}
