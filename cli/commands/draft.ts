import fs from 'node:fs';
import { z } from 'zod';
import { databasePath, openDatabase } from '@/db/client';
import { prepareDatabase, sqliteEngine, type Engine } from '@/db/engine';
import { repairDraft, type DraftRepair } from '@/lib/drafting';
import { isAppError } from '@/lib/errors';
import { checkedArgs, CliError, type CommandIO } from '../io';

const USAGE = 'usage: lawbench draft repair ID';

const Args = z.object({
  command: z.literal('repair', { error: `unknown or missing subcommand (${USAGE})` }),
  id: z.string({ error: `missing ID, the draft's id (${USAGE})` }).min(1, { error: `missing ID, the draft's id (${USAGE})` }),
});

/// `lawbench draft repair ID`: makes the stored text of draft ID (in `DATABASE_PATH`, or the
/// PostgreSQL database `DATABASE_URL` names) fit the
/// editor's schema again (`repairDraft`): what has no place in a draft is dropped, an attribute of
/// the wrong type gets a valid value, and the repair is stored as one Yjs update, audited. Prints
/// each change in plain words, naming the text of whatever was dropped, or that nothing needed
/// repair; an unknown ID is an error (exit 1).
export async function run(args: string[], io: CommandIO): Promise<number> {
  const checked = checkedArgs(args, readArgs, Args, USAGE, io);
  if (!checked) return 0;
  const where = process.env.DATABASE_URL ? 'the database' : databasePath();
  let repair: DraftRepair;
  try {
    repair = await onDatabase((engine) => repairDraft(engine, checked.id));
  } catch (e) {
    if (isAppError(e) && e.code === 'not_found') throw new CliError(`no draft with id ${checked.id} in ${where}`);
    if (e instanceof Error && /no such (table|column)|relation .* does not exist/.test(e.message)) throw new CliError(`${where} has no drafts yet (${e.message}); start the app once to migrate it`);
    throw e;
  }
  if (repair.changes.length === 0) {
    io.stdout(`draft ${checked.id}: nothing needed repair\n`);
    return 0;
  }
  const count = repair.changes.length === 1 ? '1 change' : `${repair.changes.length} changes`;
  io.stdout(
    [
      `draft ${checked.id}: repaired, ${count}:`,
      ...repair.changes.map((change) => `  - ${change}`),
      `Stored as one update (row ${repair.updateId}) and audited (draft.repair). A collaboration server that has this draft`,
      'open sees the repair when it next loads it (after its editors have all left, or a restart).',
      '',
    ].join('\n'),
  );
  return 0;
}

function readArgs(args: string[]): { command?: string; id?: string } {
  const out: { command?: string; id?: string } = {};
  for (const a of args) {
    if (a.startsWith('-')) throw new CliError(`unknown option ${a}`);
    else if (out.command === undefined) out.command = a;
    else if (out.id === undefined) out.id = a;
    else throw new CliError(`unexpected argument ${a}`);
  }
  return out;
}

/// Runs `work` on the PostgreSQL database `DATABASE_URL` names (migrated first; the pool is closed
/// when the command ends), or else on the SQLite file at `DATABASE_PATH`, which must exist.
async function onDatabase<T>(work: (engine: Engine) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) return work(await prepareDatabase());
  const file = databasePath();
  if (!fs.existsSync(file)) throw new CliError(`database not found: ${file} (set DATABASE_PATH)`);
  const db = openDatabase(file);
  try {
    return await work(sqliteEngine(db));
  } finally {
    db.$client.close();
  }
}
