import { openDatabase } from '@/db/client';
import { isAppError } from '@/lib/errors';
import { decideSignoff } from '../decideSignoff';
import { raceNow } from './raceProcess';

// Test support, run as its own process: `raceDecideSignoff DB_FILE BILL_ID ACTOR_JSON`.
// Approves the bill's text for 常务会议 and prints what happened as one JSON line.
const [file, billId, actorJson] = process.argv.slice(2);
const db = openDatabase(file);
await raceNow(
  () => decideSignoff(JSON.parse(actorJson), billId, { stage: 'executive_meeting', decision: 'approve', note: `进程 ${process.pid}` }, db),
  (e) => (isAppError(e) ? e.code : 'error'),
);
db.$client.close();
