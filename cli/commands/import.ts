import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { importRegulation, readRegulationFile, type ImportResult } from '@/lib/library';
import { isAppError } from '@/lib/errors';
import { describeError } from '@/lib/i18n';
import { CliError, type CommandIO } from '../io';
import { regulationKinds } from '@/lib/shared/vocabulary';

const usage = 'usage: lawbench import FILE… [--version-of ID|SLUG --effective YYYY-MM-DD] [--kind local_regulation|government_rule|industry_norm] [--topic NAME]';

const Args = z
  .object({
    files: z.array(z.string()).min(1, { error: `missing FILE (${usage})` }),
    versionOf: z.string().min(1).optional(),
    effective: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '--effective must be a date written YYYY-MM-DD' }).optional(),
    kind: z.enum(regulationKinds, { error: '--kind must be local_regulation, government_rule or industry_norm' }).optional(),
    topic: z.string().min(1).max(40).optional(),
  })
  .refine((a) => !a.versionOf || a.files.length === 1, { error: '--version-of takes exactly one FILE' });

function readArgs(args: string[]): Record<string, unknown> {
  const out: { files: string[]; [k: string]: unknown } = { files: [] };
  const options: Record<string, string> = { '--version-of': 'versionOf', '--effective': 'effective', '--kind': 'kind', '--topic': 'topic' };
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
export async function run(args: string[], io: CommandIO): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(`${usage}\n`);
    return 0;
  }
  const parsed = Args.safeParse(readArgs(args));
  if (!parsed.success) throw new CliError(parsed.error.issues[0].message);
  const { files, versionOf, effective, kind, topic } = parsed.data;
  const results: (ImportResult & { file: string })[] = [];
  let failed = 0;
  for (const [i, file] of files.entries()) {
    io.stderr(`[${i + 1}/${files.length}] ${file} … `);
    try {
      const bytes = new Uint8Array(await readFile(path.resolve(io.cwd, file)).catch((e: NodeJS.ErrnoException) => {
        throw new CliError(e.code === 'ENOENT' ? `file not found: ${file}` : `cannot read ${file}: ${e.message}`);
      }));
      const json = await readRegulationFile(bytes, file);
      const result = importRegulation(json, { versionOf, effectiveOn: effective, kind, topic, sourceText: new TextDecoder().decode(bytes) });
      results.push({ file, ...result });
      io.stderr(`${result.title} (${result.articles} 条, version ${result.seq})\n`);
      for (const w of json.warnings) io.stderr(`  warning: line ${w.line}: ${w.message} (${w.code})\n`);
    } catch (e) {
      failed++;
      const detail = isAppError(e) ? `${describeError('zh-CN', e)} (${e.code})` : (e as Error).message;
      io.stderr(`failed: ${detail}\n`);
    }
  }
  io.stdout(`${JSON.stringify(results, null, 2)}\n`);
  return failed ? 1 : 0;
}
