import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { databasePath, getDatabase, closeDatabase } from '@/db/client';
import { demoAccounts, demoPassword, seedConsultation, seedDemoData, seedExplainers, seedLibrary, seedPublication, seedWorkflow } from '@/lib/demo';
import { ensureBuild } from './ensureBuild';

const root = process.cwd();
const port = Number(process.env.PORT || 3000);
const collabPort = Number(process.env.COLLAB_PORT || 1234);
const env = { ...process.env, DATABASE_PATH: path.resolve(databasePath()), NEXT_TELEMETRY_DISABLED: '1' };

ensureBuild(root);
getDatabase();
const { created } = await seedDemoData();
const { imported } = await seedLibrary();
const consultation = await seedConsultation();
const workflow = seedWorkflow();
const publication = await seedPublication();
const content = seedExplainers();
closeDatabase();
console.log(
  `Database ${env.DATABASE_PATH} migrated; ${created.length || imported.length || consultation.created || workflow.created.length || publication.created.length || content.created.length ? `seeded ${created.length} demo accounts, ${imported.length} library texts${consultation.created ? ', an open consultation' : ''}${workflow.created.length ? `, ${workflow.created.length} bills at other stages` : ''}${publication.created.length ? ', an amendment published and filed' : ''}${content.created.length ? ` and ${content.created.length} explainers` : ''}` : 'demo data already present'}.`,
);

const children: ChildProcess[] = [
  spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port)], { stdio: 'inherit', env: { ...env, PORT: String(port) } }),
  spawn(process.execPath, ['--import', 'tsx', path.join(root, 'collab-server/main.ts')], { stdio: 'inherit', env: { ...env, COLLAB_PORT: String(collabPort) } }),
];

let stopping = false;
function stop(code: number) {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  setTimeout(() => process.exit(code), 3000).unref();
  Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once('exit', r))))).then(() => process.exit(code));
}
for (const c of children) c.once('exit', (code) => stop(code ?? 1));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

console.log(`
  立法工作台 Lawbench is starting
  Web app:        http://localhost:${port}
  Collaboration:  ws://localhost:${collabPort}
  Library:        http://localhost:${port}/regulations
  API:            http://localhost:${port}/api/v1/openapi.json

  Demo logins (password: ${demoPassword()}):
${demoAccounts.map((a) => `    ${a.email.padEnd(26)} ${a.role.padEnd(10)} ${a.name}`).join('\n')}

  Press Ctrl-C to stop both servers.
`);
