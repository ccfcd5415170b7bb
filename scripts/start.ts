import path from 'node:path';
import { databasePath } from '@/db/client';
import { closeEngine, prepareDatabase } from '@/db/engine';
import { accountsWithPassword } from '@/lib/auth';
import { ensureBuild } from './ensureBuild';
import { startServers } from './startServers';

/// The password the demo seeds and publishes in the README.
const demoDefault = 'lawbench-demo';

// `npm start`: the product without the demo — no seeding. It refuses to run while any account
// still has the published demo password, and says how to change it.
const root = process.cwd();
const port = Number(process.env.PORT || 3000);
const collabPort = Number(process.env.COLLAB_PORT || 1234);
const env = { ...process.env, DATABASE_PATH: path.resolve(databasePath()), NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' as const };

const weak = await accountsWithPassword(await prepareDatabase(), demoDefault);
await closeEngine();
if (weak.length > 0) {
  console.error(
    [
      `Refusing to start: ${weak.length} account(s) still have the demo password "${demoDefault}":`,
      ...weak.map((e) => `  ${e}`),
      'Give each a new password first, e.g.:',
      `  printf '%s\\n' 'a-new-long-password' | npm run -s lawbench -- user password ${weak[0]}`,
      '(or disable the account as an admin). `npm run demo` is the way to run with the demo data.',
    ].join('\n'),
  );
  process.exit(1);
}

ensureBuild(root);
startServers(root, env, { web: port, collab: collabPort });
console.log(`立法工作台 Lawbench: http://localhost:${port} (collaboration ws://localhost:${collabPort}); Ctrl-C stops both.`);
