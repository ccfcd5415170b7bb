import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { applyAmendmentsBody, consolidateText, renderRegulation, toParseJson } from '@/lib/legal-text';
import { checkedArgs, CliError, type CommandIO } from '../io';
import { parseFile } from '../parseFile';

const USAGE = 'usage: lawbench consolidate OLD DECISION [--format md|json]';
/// Largest decision file read: real decisions are a few tens of KB.
const MAX_DECISION_BYTES = 1024 * 1024;

const Args = z.object({
  oldFile: z.string({ error: `missing OLD and DECISION (${USAGE})` }).min(1),
  decisionFile: z.string({ error: `missing DECISION (${USAGE})` }).min(1),
  format: z.enum(['md', 'json'], { error: '--format must be md or json' }).default('md'),
});

/// `lawbench consolidate OLD DECISION`: applies a 修改决定 (a UTF-8 text file) to a regulation
/// file (.md, .txt or .docx, as `parse` reads them) and prints the consolidated text as Markdown,
/// or with `--format json` the `parse` JSON plus `applied` and `problems`. Exits 1 when any
/// operation could not be applied, after printing the result and listing the problems on stderr.
export async function run(args: string[], io: CommandIO): Promise<number> {
  const checked = checkedArgs(args, readArgs, Args, USAGE, io);
  if (!checked) return 0;
  const { oldFile, decisionFile, format } = checked;
  const decision = await readDecision(path.resolve(io.cwd, decisionFile), decisionFile);
  const old = toParseJson(await parseFile(path.resolve(io.cwd, oldFile), oldFile));
  if (old.articles.length === 0) throw new CliError(`${oldFile}: no articles found (no line starts with 第…条)`);

  const result = consolidateText(old, decision);
  if (format === 'json') io.stdout(`${JSON.stringify({ ...result.text, applied: result.applied, problems: result.problems }, null, 2)}\n`);
  else io.stdout(renderRegulation(applyAmendmentsBody(result.text), 'md'));
  for (const p of result.problems) {
    io.stderr(`problem: ${p.clause > 0 ? `clause ${p.clause}: ` : ''}${p.message} (${p.code}): ${p.text}\n`);
  }
  return result.problems.length > 0 ? 1 : 0;
}

async function readDecision(fullPath: string, shown: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    if ((await stat(fullPath)).size > MAX_DECISION_BYTES) throw new CliError(`${shown} is larger than 1 MB: not a 修改决定`);
    bytes = new Uint8Array(await readFile(fullPath));
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`file not found: ${shown}`);
    if (code === 'EISDIR') throw new CliError(`${shown} is a directory, not a file`);
    throw new CliError(`cannot read ${shown}: ${(error as Error).message}`);
  }
  if (bytes.includes(0)) throw new CliError(`${shown} is a binary file (it contains NUL bytes), not the text of a 修改决定`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(`${shown} is not valid UTF-8: save the 修改决定 as UTF-8 text`);
  }
  if (text.trim() === '') throw new CliError(`${shown} is empty`);
  return text;
}

function readArgs(args: string[]): { oldFile?: string; decisionFile?: string; format?: string } {
  const out: { oldFile?: string; decisionFile?: string; format?: string } = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--format' || arg === '-f') out.format = args[++i] ?? '';
    else if (arg.startsWith('--format=')) out.format = arg.slice('--format='.length);
    else if (arg.startsWith('-') && arg !== '-') throw new CliError(`unknown option ${arg}`);
    else if (out.oldFile === undefined) out.oldFile = arg;
    else if (out.decisionFile === undefined) out.decisionFile = arg;
    else throw new CliError(`unexpected argument ${arg}`);
  }
  return out;
}
