import path from 'node:path';
import { z } from 'zod';
import { renderRegulation, toParseJson } from '@/lib/legal-text';
import { CliError, type CommandIO } from '../io';
import { parseFile } from '../parseFile';

const Args = z.object({
  file: z.string({ error: 'missing FILE (usage: lawbench parse FILE [--format json|md|txt|html])' }).min(1),
  format: z.enum(['json', 'md', 'txt', 'html'], { error: '--format must be one of json, md, txt, html' }).default('json'),
});

/// `lawbench parse FILE [--format json|md|txt|html]`: reads a regulation from a Markdown,
/// plain-text (UTF-8 or GB18030) or .docx file and prints the `parse` JSON or a rendering.
export async function run(args: string[], io: CommandIO): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout('usage: lawbench parse FILE [--format json|md|txt|html]\n');
    return 0;
  }
  const parsed = Args.safeParse(readArgs(args));
  if (!parsed.success) throw new CliError(parsed.error.issues[0].message);
  const { file, format } = parsed.data;

  const doc = await parseFile(path.resolve(io.cwd, file), file);
  if (format === 'json') {
    io.stdout(`${JSON.stringify(toParseJson(doc), null, 2)}\n`);
    return 0;
  }
  io.stdout(renderRegulation(doc, format));
  for (const w of doc.warnings) io.stderr(`warning: line ${w.line}: ${w.message} (${w.code})\n`);
  return 0;
}

function readArgs(args: string[]): { file?: string; format?: string } {
  const out: { file?: string; format?: string } = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--format' || arg === '-f') out.format = args[++i] ?? '';
    else if (arg.startsWith('--format=')) out.format = arg.slice('--format='.length);
    else if (arg.startsWith('-') && arg !== '-') throw new CliError(`unknown option ${arg}`);
    else if (out.file === undefined) out.file = arg;
    else throw new CliError(`unexpected argument ${arg}`);
  }
  return out;
}
