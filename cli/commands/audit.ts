import fs from 'node:fs';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { databasePath } from '@/db/client';
import { postgresEngine } from '@/db/engine';
import { openPgDatabase } from '@/db/pgClient';
import { verifyAuditChain, verifyAuditChainOn, type AuditChainReport, type ExpectedAuditEntry } from '@/lib/audit';
import { checkedArgs, CliError, type CommandIO } from '../io';

const USAGE = 'usage: lawbench audit verify [--expect SEQ:HASH]';

const Args = z.object({
  command: z.literal('verify', { error: `unknown or missing subcommand (${USAGE})` }),
  expect: z
    .string()
    .regex(/^\d{1,15}:[0-9a-fA-F]{64}$/, { error: '--expect must be SEQ:HASH, e.g. 1024:3f…(64 hex digits)' })
    .transform((s) => {
      const [seq, hash] = s.split(':');
      return { seq: Number(seq), hash: hash.toLowerCase() };
    })
    .optional(),
});

/// `lawbench audit verify [--expect SEQ:HASH]`: walks the audit chain of `DATABASE_PATH` (opened
/// read-only), or of the PostgreSQL database `DATABASE_URL` names, recomputing every hash and link. Prints `ok N entries, head SEQ:HASH` and exits 0,
/// or prints `broken at entry SEQ: PROBLEM` on stderr and exits 1. With `--expect`, a head kept
/// earlier (from the transparency page or the API) must still be in the chain with that hash.
export async function run(args: string[], io: CommandIO): Promise<number> {
  const checked = checkedArgs(args, readArgs, Args, USAGE, io);
  if (!checked) return 0;
  if (process.env.DATABASE_URL) return verifyOnPostgres(process.env.DATABASE_URL, checked.expect, io);
  const file = databasePath();
  if (!fs.existsSync(file)) throw new CliError(`database not found: ${file} (set DATABASE_PATH)`);
  const client = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return printReport(verifyAuditChain({ expect: checked.expect }, { $client: client }), io);
  } catch (e) {
    if (e instanceof Error && /no such (table|column)/.test(e.message)) throw new CliError(`${file} has no audit chain yet (${e.message}); start the app once to migrate it`);
    throw e;
  } finally {
    client.close();
  }
}

/// `audit verify` of the PostgreSQL database `DATABASE_URL` names, read in pages.
async function verifyOnPostgres(url: string, expect: ExpectedAuditEntry | undefined, io: CommandIO): Promise<number> {
  const db = openPgDatabase(url, { max: 1 });
  try {
    return printReport(await verifyAuditChainOn(postgresEngine(db), { expect }), io);
  } catch (e) {
    if (e instanceof Error && /relation .* does not exist/.test(e.message)) throw new CliError(`the database has no audit chain yet (${e.message}); start the app once to migrate it`);
    throw e;
  } finally {
    await db.$client.end();
  }
}

/// Prints a verification's outcome; the exit code.
function printReport(report: AuditChainReport, io: CommandIO): number {
  if (!report.ok) {
    io.stderr(`broken at entry ${report.firstBad.seq}: ${report.firstBad.problem}\n`);
    return 1;
  }
  io.stdout(`ok ${report.count} entries, head ${report.head.seq}:${report.head.hash}\n`);
  return 0;
}

function readArgs(args: string[]): { command?: string; expect?: string } {
  const out: { command?: string; expect?: string } = {};
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split(/=(.*)/s, 2);
    if (flag === '--expect') out.expect = inline ?? args[++i] ?? '';
    else if (args[i].startsWith('-')) throw new CliError(`unknown option ${args[i]}`);
    else if (out.command === undefined) out.command = args[i];
    else throw new CliError(`unexpected argument ${args[i]}`);
  }
  return out;
}
