import { openDatabase } from '@/db/client';
import { isAppError } from '@/lib/errors';
import { transitionBill } from '../transitionBill';

// Test support, run as its own process: `raceTransition DB_FILE BILL_ID ACTOR_JSON START_MS`.
// Waits until START_MS so that two of these fire together, moves the bill from proposal to
// drafting, and prints what happened as one JSON line.
const [file, billId, actorJson, startMs] = process.argv.slice(2);
const db = openDatabase(file);
while (Date.now() < Number(startMs)) {
  // Spin rather than sleep: a timer would add its own jitter to the start.
}
try {
  const result = transitionBill(JSON.parse(actorJson), billId, { to: 'drafting', expectedStage: 'proposal', note: `由进程 ${process.pid} 推进` }, db);
  console.log(JSON.stringify({ ok: true, stage: result.stage }));
} catch (e) {
  console.log(JSON.stringify({ ok: false, code: isAppError(e) ? e.code : 'error', message: e instanceof Error ? e.message : String(e) }));
}
db.$client.close();
