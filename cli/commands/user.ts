import fs from 'node:fs';
import { z } from 'zod';
import { prepareDatabase } from '@/db/engine';
import { setPasswordByEmail } from '@/lib/auth';
import { describeError } from '@/lib/i18n';
import { isAppError } from '@/lib/errors';
import { checkedArgs, CliError, type CommandIO } from '../io';

const USAGE = 'usage: lawbench user password EMAIL   (the new password is read from standard input)';

const Args = z.object({
  command: z.literal('password', { error: `unknown or missing subcommand (${USAGE})` }),
  email: z.string({ error: `missing EMAIL (${USAGE})` }).min(1, { error: `missing EMAIL (${USAGE})` }),
});

/// `lawbench user password EMAIL`: sets an account's password (the first line of standard input),
/// ends its sessions and audits it — how an operator replaces the demo password before
/// `npm start` will run.
export async function run(args: string[], io: CommandIO): Promise<number> {
  const checked = checkedArgs(args, readArgs, Args, USAGE, io);
  if (!checked) return 0;
  const password = fs.readFileSync(0, 'utf8').split(/\r?\n/)[0] ?? '';
  try {
    await setPasswordByEmail(await prepareDatabase(), checked.email, password);
  } catch (e) {
    if (isAppError(e)) throw new CliError(`${describeError('zh-CN', e)} (${e.message})`);
    throw e;
  }
  io.stdout(`password changed for ${checked.email}; its sessions were ended\n`);
  return 0;
}

function readArgs(args: string[]): { command?: string; email?: string } {
  const out: { command?: string; email?: string } = {};
  for (const a of args) {
    if (a.startsWith('-')) throw new CliError(`unknown option ${a}`);
    else if (out.command === undefined) out.command = a;
    else if (out.email === undefined) out.email = a;
    else throw new CliError(`unexpected argument ${a}`);
  }
  return out;
}
