import { sqliteEngine } from '@/db/engine';
import { openDatabase } from '@/db/client';
import { isAppError } from '@/lib/errors';
import { decideSignoff } from '../decideSignoff';
import { transitionBill } from '../transitionBill';
import { raceNow } from './raceProcess';

// Test support, run as its own process: `raceWorkflow ACTION DB_FILE BILL_ID ACTOR_JSON`, where
// ACTION is `transition` (moves the bill from proposal to drafting) or `signoff` (approves its
// text for 常务会议). Prints what happened as one JSON line.
const [action, file, billId, actorJson] = process.argv.slice(2);
const actions: Record<string, (db: ReturnType<typeof openDatabase>) => Promise<unknown>> = {
  transition: (db) => transitionBill(sqliteEngine(db), JSON.parse(actorJson), billId, { to: 'drafting', expectedStage: 'proposal', note: `由进程 ${process.pid} 推进` }),
  signoff: (db) => decideSignoff(sqliteEngine(db), JSON.parse(actorJson), billId, { stage: 'executive_meeting', decision: 'approve', note: `进程 ${process.pid}` }),
};
const db = openDatabase(file);
await raceNow(
  () => actions[action](db),
  (e) => (isAppError(e) ? e.code : 'error'),
);
db.$client.close();
