import { openDatabase } from '@/db/client';
import { isAppError } from '@/lib/errors';
import { transitionBill } from '../transitionBill';
import { raceNow } from './raceProcess';

// Test support, run as its own process: `raceTransition DB_FILE BILL_ID ACTOR_JSON`.
// Moves the bill from proposal to drafting and prints what happened as one JSON line.
const [file, billId, actorJson] = process.argv.slice(2);
const db = openDatabase(file);
await raceNow(
  () => transitionBill(JSON.parse(actorJson), billId, { to: 'drafting', expectedStage: 'proposal', note: `由进程 ${process.pid} 推进` }, db),
  (e) => (isAppError(e) ? e.code : 'error'),
);
db.$client.close();
