import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import {
  decodeText, LegalTextError, parseDocx, parseRegulation, renderRegulation, toParseJson, type RegulationText,
} from '../../lib/legal-text';
import { CliError, type CommandIO } from '../io';

const Args = z.object({
  file: z.string({ error: 'missing FILE (usage: lawbench parse FILE [--format json|md|txt|html])' }).min(1),
  format: z.enum(['json', 'md', 'txt', 'html'], { error: '--format must be one of json, md, txt, html' }).default('json'),
});

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46];

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

async function parseFile(fullPath: string, shown: string): Promise<RegulationText> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(fullPath));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`file not found: ${shown}`);
    if (code === 'EISDIR') throw new CliError(`${shown} is a directory, not a file`);
    throw new CliError(`cannot read ${shown}: ${(error as Error).message}`);
  }
  const extension = path.extname(fullPath).toLowerCase();
  if (extension === '.docx' || startsWith(bytes, ZIP_MAGIC)) return parseDocx(bytes);
  if (startsWith(bytes, PDF_MAGIC)) {
    throw new LegalTextError('binary_file', `${shown} 是 PDF 文件：请先另存为 .docx 或复制其中的文字`);
  }
  const text = decodeText(bytes);
  const format = extension === '.md' || extension === '.markdown' ? 'md' : extension === '.txt' ? 'txt' : undefined;
  return parseRegulation(text, format ? { format } : {});
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}
