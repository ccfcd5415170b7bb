import { readFile, stat } from 'node:fs/promises';
import { prepareDatabase } from '@/db/engine';
import path from 'node:path';
import { z } from 'zod';
import {
  importRegulation, maxRegulationFileBytes, readRegulationFile, readRegulationVersions, type ImportResult,
} from '@/lib/library';
import { consolidateText, decodeText, LegalTextError, parseHeaderEvents, type ConsolidationResult, type ParseJson } from '@/lib/legal-text';
import { AppError, isAppError } from '@/lib/errors';
import { describeError } from '@/lib/i18n';
import { chineseDate, formatBytes } from '@/lib/shared';
import { checkedArgs, CliError, type CommandIO } from '../io';
import { jurisdictionLevels, regulationKinds } from '@/lib/shared/vocabulary';

const usage = `usage: lawbench import FILE… [--version-of ID|SLUG --effective YYYY-MM-DD] [--kind ${regulationKinds.join('|')}] [--topic NAME] [--level ${jurisdictionLevels.join('|')}] [--region PLACE] [--body NAME]`;
const amendsUsage = 'lawbench import DECISION --amends ID|SLUG [--effective YYYY-MM-DD]';

const help = `${usage}
       ${amendsUsage}

Imports into the published library of DATABASE_PATH.

  FILE…                 regulations (.md, .txt or .docx), each a new regulation; with --version-of,
                        the one FILE is the next version of that regulation
  --amends ID|SLUG      DECISION is a 修改决定 (a text file): it is applied to the latest version of
                        the regulation and the consolidated text imported as its next version (修正).
                        Every clause that cannot be applied is listed on stderr and nothing is
                        imported. The 题注 gains a line for the decision when its preamble names the
                        meeting and the date (（2024年6月28日…会议通过）).
  --effective DATE      the date the version takes effect; with --amends it defaults to the date of
                        the decision's 本决定自…起施行, and is required when that gives none
  --kind, --topic       for a new regulation only
  --level, --region, --body
                        its jurisdiction (level, place, enacting or issuing body), for a new
                        regulation only; by default read from the title and the header lines (a
                        title naming no place is national)

Prints the results as JSON on stdout (with --amends one object, with \`applied\`: the number of
operations applied); progress and problems go to stderr. Exit code 1 when anything failed.`;

const Args = z
  .object({
    files: z.array(z.string()).min(1, { error: `missing FILE (${usage})` }),
    versionOf: z.string().min(1).optional(),
    amends: z.string().min(1, { error: '--amends needs the id or slug of a regulation' }).optional(),
    effective: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '--effective must be a date written YYYY-MM-DD' }).optional(),
    kind: z.enum(regulationKinds, { error: `--kind must be one of ${regulationKinds.join(', ')}` }).optional(),
    topic: z.string().min(1).max(40).optional(),
    level: z.enum(jurisdictionLevels, { error: `--level must be one of ${jurisdictionLevels.join(', ')}` }).optional(),
    region: z.string().min(2, { error: '--region needs a place name such as 舟山市' }).max(20).optional(),
    body: z.string().min(2, { error: '--body needs the name of the enacting body' }).max(60).optional(),
  })
  .refine((a) => !(a.amends !== undefined && a.versionOf !== undefined), { error: '--amends and --version-of cannot be used together' })
  .refine((a) => a.amends === undefined || a.files.length === 1, { error: `--amends takes exactly one DECISION file (${amendsUsage})` })
  .refine((a) => !a.versionOf || a.files.length === 1, { error: '--version-of takes exactly one FILE' });

function readArgs(args: string[]): Record<string, unknown> {
  const out: { files: string[]; [k: string]: unknown } = { files: [] };
  const options: Record<string, string> = { '--version-of': 'versionOf', '--amends': 'amends', '--effective': 'effective', '--kind': 'kind', '--topic': 'topic', '--level': 'level', '--region': 'region', '--body': 'body' };
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split(/=(.*)/s, 2);
    if (flag in options) out[options[flag]] = inline ?? args[++i] ?? '';
    else if (args[i].startsWith('--')) throw new CliError(`unknown option ${args[i]}`);
    else out.files.push(args[i]);
  }
  return out;
}

/// `lawbench import FILE…`: puts regulations (Markdown, text or .docx) into the published library
/// of `DATABASE_PATH`, one transaction per file. Progress goes to stderr, the results as JSON to
/// stdout; a file that fails is reported and the others still go in (exit code 1 at the end).
/// With `--amends`, the one file is a 修改决定 applied to the regulation's latest version
/// (`importDecision`).
export async function run(args: string[], io: CommandIO): Promise<number> {
  const checked = checkedArgs(args, readArgs, Args, help, io);
  if (!checked) return 0;
  const { files, versionOf, amends, effective, kind, topic, level, region, body } = checked;
  if (amends !== undefined) return importDecision(files[0], amends, effective, io);
  const results: (ImportResult & { file: string })[] = [];
  let failed = 0;
  for (const [i, file] of files.entries()) {
    io.stderr(`[${i + 1}/${files.length}] ${file} … `);
    try {
      const bytes = new Uint8Array(await readFile(path.resolve(io.cwd, file)).catch((e: NodeJS.ErrnoException) => {
        throw new CliError(e.code === 'ENOENT' ? `file not found: ${file}` : `cannot read ${file}: ${e.message}`);
      }));
      const json = await readRegulationFile(bytes, file);
      const result = await importRegulation(await prepareDatabase(), json, { versionOf, effectiveOn: effective, kind, topic, level, region, enactingBody: body, sourceText: new TextDecoder().decode(bytes) });
      results.push({ file, ...result });
      io.stderr(`${result.title} (${result.articles} 条, version ${result.seq})\n`);
      for (const w of json.warnings) io.stderr(`  warning: line ${w.line}: ${w.message} (${w.code})\n`);
    } catch (e) {
      failed++;
      io.stderr(`failed: ${errorText(e)}\n`);
    }
  }
  io.stdout(`${JSON.stringify(results, null, 2)}\n`);
  return failed ? 1 : 0;
}

/// `lawbench import DECISION --amends ID|SLUG`: applies a 修改决定 to the latest version of a
/// regulation and imports the consolidated text as its next version, with the decision as the
/// version's source text. Any clause that cannot be applied (an article that is not there, a
/// phrase found nowhere or twice, a decision for another regulation) is listed on stderr and
/// nothing is imported. The version takes effect on `--effective`, else on the date of the
/// decision's 本决定自…起施行.
async function importDecision(file: string, amends: string, effective: string | undefined, io: CommandIO): Promise<number> {
  const decision = await readDecisionFile(file, io.cwd);
  const { regulation, versions } = await inLibrary(async () => readRegulationVersions(await prepareDatabase(), amends), amends);
  const latest = versions[versions.length - 1];
  const result = consolidateText(latest.text, decision);
  if (result.problems.length > 0) {
    for (const p of result.problems) io.stderr(`problem: ${p.clause > 0 ? `clause ${p.clause}: ` : ''}${p.message} (${p.code}): ${p.text}\n`);
    io.stderr(`lawbench import: ${file} cannot be applied to ${regulation.title} (version ${latest.seq}): ${result.problems.length} problem(s), nothing imported\n`);
    return 1;
  }
  if (!result.applied.some((op) => op.kind !== 'renumberNote')) {
    throw new CliError(`${file}: no amendment found (no clause such as 一、将第X条修改为：…): nothing imported`);
  }
  const closingDate = effectiveDateOf(result.closing);
  if (effective && closingDate && effective !== closingDate) {
    io.stderr(`warning: --effective ${effective} differs from the decision's 本决定自${chineseDate(closingDate)}起施行; ${effective} is used\n`);
  }
  const effectiveOn = effective ?? closingDate;
  if (!effectiveOn) throw new CliError(`${file} does not say when it takes effect (本决定自…起施行): give --effective YYYY-MM-DD`);
  const imported = await inLibrary(
    async () => importRegulation(await prepareDatabase(), withDecisionInfo(result), { versionOf: regulation.id, effectiveOn, sourceText: decision, change: 'amendment' }),
    amends,
  );
  io.stderr(`${file} → ${imported.title}: ${result.applied.length} operation(s) applied, version ${imported.seq} (${imported.articles} 条), in effect from ${effectiveOn}\n`);
  io.stdout(`${JSON.stringify({ file, ...imported, applied: result.applied.length }, null, 2)}\n`);
  return 0;
}

/// The text of a decision file, decoded as any import is (UTF-8, GB18030 or UTF-16), within the
/// library's file size limit; a binary, empty or oversized file is refused with its name.
async function readDecisionFile(file: string, cwd: string): Promise<string> {
  const fullPath = path.resolve(cwd, file);
  let bytes: Uint8Array | null;
  try {
    // The size is checked before reading, so a huge file is never loaded.
    bytes = (await stat(fullPath)).size > maxRegulationFileBytes ? null : new Uint8Array(await readFile(fullPath));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`file not found: ${file}`);
    if (code === 'EISDIR') throw new CliError(`${file} is a directory, not a file`);
    throw new CliError(`cannot read ${file}: ${(e as Error).message}`);
  }
  if (bytes === null || bytes.byteLength > maxRegulationFileBytes) {
    throw new CliError(`${file}: ${errorText(new AppError('payload_too_large', 'payload_too_large', { details: { limit: formatBytes(maxRegulationFileBytes) } }))}`);
  }
  try {
    return decodeText(bytes);
  } catch (e) {
    if (e instanceof LegalTextError) throw new CliError(`${file}: ${e.message} (${e.code})`);
    throw e;
  }
}

/// The date a decision takes effect, from its closing 本决定自2025年1月1日起施行; null when the
/// closing gives no date (本决定自公布之日起施行) or has no such sentence.
function effectiveDateOf(closing: string): string | null {
  const sentences = closing.split('\n').filter((line) => /本决定自.*施行/.test(line));
  return parseHeaderEvents(sentences).find((e) => e.kind === 'effective' && e.date)?.date ?? null;
}

/// The consolidated text with a 题注 line for the decision (2024年6月28日…会议根据《关于修改〈…〉
/// 的决定》修正, and the approval when the preamble names one), and its events read again; the
/// text as it is when the decision has no title or its preamble gives no meeting and date.
function withDecisionInfo(result: ConsolidationResult): ParseJson {
  if (!/《.+》.*决定$/.test(result.title)) return result.text;
  const events = parseHeaderEvents(result.preamble.split('\n').filter((l) => l !== ''));
  const adopted = events.find((e) => e.date && e.kind !== 'approved' && e.kind !== 'effective');
  const meeting = [adopted, ...events.filter((e) => e.kind !== 'approved')].map((e) => e?.body).find((b) => b !== undefined && /会议$/.test(b));
  if (!adopted?.date || !meeting) return result.text;
  const decision = result.title.replace(/《/g, '〈').replace(/》/g, '〉');
  const lines = [`${chineseDate(adopted.date)}${meeting}根据《${decision}》修正`];
  const approved = events.find((e) => e.kind === 'approved' && e.date && e.body);
  if (approved) lines.push(`${chineseDate(approved.date!)}${approved.body}批准`);
  const info = [...result.text.info, ...lines];
  return { ...result.text, info, events: parseHeaderEvents(info) };
}

/// Runs a library call, turning its refusal into one line that names what was asked for.
async function inLibrary<T>(call: () => Promise<T>, subject: string): Promise<T> {
  try {
    return await call();
  } catch (e) {
    throw refusal(e, subject);
  }
}

function refusal(e: unknown, subject: string): unknown {
  return isAppError(e) ? new CliError(`${errorText(e)}: ${subject}`) : e;
}

function errorText(e: unknown): string {
  return isAppError(e) ? `${describeError('zh-CN', e)} (${e.code})` : (e as Error).message;
}
