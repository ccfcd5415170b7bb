import { LegalTextError } from './errors';
import type { RegulationText } from './model';
import { parseRegulation } from './parse';

/// Parses a Word (.docx) file: its raw text, paragraph by paragraph, goes through the plain-text
/// parser. Throws `LegalTextError('bad_docx')` when the bytes are not a readable .docx and
/// `LegalTextError('empty_file')` when the document holds no text.
export async function parseDocx(bytes: Uint8Array): Promise<RegulationText> {
  const { default: mammoth } = await import('mammoth');
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let text: string;
  try {
    // Node's mammoth reads `buffer`, the browser build reads `arrayBuffer`.
    const input = { buffer: bytes as unknown as Buffer, arrayBuffer };
    text = (await mammoth.extractRawText(input)).value;
  } catch (error) {
    throw new LegalTextError('bad_docx', `无法读取 Word 文件：${error instanceof Error ? error.message : String(error)}`);
  }
  if (text.trim() === '') throw new LegalTextError('empty_file', 'Word 文件中没有文字');
  return parseRegulation(text, { format: 'txt' });
}
