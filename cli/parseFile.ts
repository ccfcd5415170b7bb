import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeText, LegalTextError, parseDocx, parseRegulation, type RegulationText } from '@/lib/legal-text';
import { CliError } from './io';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46];

/// Reads and parses a regulation file for a command: Markdown, plain text (UTF-8 or GB18030) or
/// .docx; a missing file, a directory or a PDF gets a message naming the file as `shown`.
export async function parseFile(fullPath: string, shown: string): Promise<RegulationText> {
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
