import path from 'node:path';
import { databasePath, getDatabase, closeDatabase } from '@/db/client';
import { demoAccounts, demoPassword, demoSite, seedConsultation, seedDemoData, seedExplainers, seedLibrary, seedPublication, seedWorkflow } from '@/lib/demo';
import { ensureBuild } from './ensureBuild';
import { startServers } from './startServers';

const root = process.cwd();
const port = Number(process.env.PORT || 3000);
const collabPort = Number(process.env.COLLAB_PORT || 1234);
const env = { ...demoSite, ...process.env, DATABASE_PATH: path.resolve(databasePath()), NEXT_TELEMETRY_DISABLED: '1' };

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
