import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { shownDatabaseUrl } from '@/db/pgClient';
import { demoAccounts, demoPassword, demoSite } from '@/lib/demo';
import { startBalancer, type Backend, type Balancer } from './balancer';
import { ensureBuild } from './ensureBuild';
import { startLocalRedis, type LocalRedis } from './localRedis';
import { startLocalPostgres, type LocalPostgres } from './localPostgres';
import { freePort, webServerArgs } from './localServer';
import { seedDemo } from './seedDemo';

// `npm run cluster`: the demo as several processes on one machine, to try the set-up a province
// would run: two web processes behind PORT (default 3000) and two collaboration processes behind
// COLLAB_PORT (default 1234), the latter sharing open drafts through Redis: REDIS_URL when set,
// else Debian's redis-server started here with its data in a temporary folder. All four keep
// their data in PostgreSQL: DATABASE_URL when set, else Debian's server started here, its data in
// a temporary folder too (gone when the cluster stops). A small round-robin balancer stands in for
// the operator's load balancer; a killed process's share goes to the other.
const root = process.cwd();
const webPort = Number(process.env.PORT || 3000);
const collabPort = Number(process.env.COLLAB_PORT || 1234);

ensureBuild(root);
// The two public ports are taken first, before PostgreSQL, the seeding and the processes open
// connections whose local ports could be given either number meanwhile; the processes are added
// behind them as they start.
const log = (m: string) => console.log(m);
const backends = { web: [] as Backend[], collab: [] as Backend[] };
const balancers: Balancer[] = [await startBalancer(backends.web, { port: webPort, log }), await startBalancer(backends.collab, { port: collabPort, log })];
const postgres: LocalPostgres | null = process.env.DATABASE_URL ? null : await startLocalPostgres({ durable: true });
const databaseUrl = process.env.DATABASE_URL || postgres!.url;
// The seeding below runs in this process, on the same database as the four.
process.env.DATABASE_URL = databaseUrl;
const env = { ...demoSite, ...process.env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: '1' };
const shownUrl = shownDatabaseUrl(databaseUrl);
console.log(`Database ${shownUrl} migrated; ${await seedDemo()}.`);

const redis: LocalRedis | null = process.env.REDIS_URL ? null : await startLocalRedis();
const redisUrl = process.env.REDIS_URL || redis!.url;

type Member = { name: string; port: number; child: ChildProcess };
const members: Member[] = [];
const startMember = (name: string, port: number, args: string[], extra: Record<string, string>) => {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...env, ...extra } });
  members.push({ name, port, child });
  child.once('exit', (code, signal) => {
    if (!stopping) console.log(`[cluster] ${name} (pid ${child.pid}) stopped (${signal ?? `exit ${code}`}); the balancer sends its share to the others.`);
  });
};

for (const n of [1, 2]) {
  const port = await freePort();
  // Browsers reach collaboration through the balancer's port, so that is the one the pages name.
  startMember(`web ${n}`, port, webServerArgs(root, port, '127.0.0.1'), { PORT: String(port), COLLAB_PORT: String(collabPort) });
}
for (const n of [1, 2]) {
  const port = await freePort();
  startMember(`collab ${n}`, port, ['--import', 'tsx', path.join(root, 'collab-server/main.ts')], {
    COLLAB_PORT: String(port),
    COLLAB_HOST: '127.0.0.1',
    LAWBENCH_WEB_PORT: String(webPort),
    REDIS_URL: redisUrl,
  });
}
for (const m of members) (m.name.startsWith('web') ? backends.web : backends.collab).push({ host: '127.0.0.1', port: m.port });

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await Promise.all(balancers.map((b) => b.close()));
  await Promise.all(
    members.map(({ child }) => (child.exitCode !== null || child.signalCode !== null ? null : new Promise((r) => (child.once('exit', r), child.kill('SIGTERM'))))),
  );
  await redis?.dispose();
  postgres?.dispose();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

const list = (prefix: string) =>
  members
    .filter((m) => m.name.startsWith(prefix))
    .map((m) => `${m.name} on 127.0.0.1:${m.port} (pid ${m.child.pid})`)
    .join(', ');
console.log(`
  立法工作台 Lawbench cluster: several processes on one machine
  Web app:        http://localhost:${webPort}   → ${list('web')}
  Collaboration:  ws://localhost:${collabPort}    → ${list('collab')}
  Redis:          ${redisUrl}${redis ? ' (started here; data in a temporary folder)' : ' (REDIS_URL)'}
  Database:       PostgreSQL ${shownUrl}${postgres ? ' (started here; data in a temporary folder)' : ' (DATABASE_URL)'}, shared by all four

  Try: open a draft in two browsers (each may land on a different collaboration process) and type;
  kill one process (kill PID): its clients reconnect to the other and lose nothing.

  Demo logins (password: ${demoPassword()}):
${demoAccounts.map((a) => `    ${a.email.padEnd(26)} ${a.role.padEnd(10)} ${a.name}`).join('\n')}

  Press Ctrl-C to stop everything.
`);
