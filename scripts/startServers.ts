import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { webServerArgs } from './localServer';

/// Starts the web app (web-server/main.ts) and the collaboration server side by side on the built app,
/// and stops both together: when either exits, or on Ctrl-C / SIGTERM. Used by `npm run demo`
/// and `npm start`.
export function startServers(root: string, env: NodeJS.ProcessEnv, ports: { web: number; collab: number }): ChildProcess[] {
  const children: ChildProcess[] = [
    spawn(process.execPath, webServerArgs(root, ports.web), { stdio: 'inherit', env: { ...env, PORT: String(ports.web) } }),
    spawn(process.execPath, ['--import', 'tsx', path.join(root, 'collab-server/main.ts')], { stdio: 'inherit', env: { ...env, COLLAB_PORT: String(ports.collab), LAWBENCH_WEB_PORT: String(ports.web) } }),
  ];
  let stopping = false;
  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
    setTimeout(() => process.exit(code), 3000).unref();
    void Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once('exit', r))))).then(() => process.exit(code));
  };
  for (const c of children) c.once('exit', (code) => stop(code ?? 1));
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
  return children;
}
