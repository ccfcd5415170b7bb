import path from 'node:path';
import { databasePath } from '@/db/client';
import { shownDatabaseUrl } from '@/db/pgClient';
import { demoAccounts, demoPassword, demoSite } from '@/lib/demo';
import { seedDemo } from './seedDemo';
import { ensureBuild } from './ensureBuild';
import { startServers } from './startServers';

const root = process.cwd();
const port = Number(process.env.PORT || 3000);
const collabPort = Number(process.env.COLLAB_PORT || 1234);
const env = { ...demoSite, ...process.env, DATABASE_PATH: path.resolve(databasePath()), NEXT_TELEMETRY_DISABLED: '1' };

ensureBuild(root);
const where = process.env.DATABASE_URL ? shownDatabaseUrl(process.env.DATABASE_URL) : env.DATABASE_PATH;
console.log(`Database ${where} migrated; ${await seedDemo()}.`);

startServers(root, env, { web: port, collab: collabPort });

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
