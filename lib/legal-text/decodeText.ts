import { LegalTextError } from './errors';

// Share of control bytes above which an input is taken for a binary file.
const MAX_CONTROL_SHARE = 0.1;
const SAMPLE_BYTES = 64 * 1024;

/// Decodes an uploaded text file: UTF-8 (with or without BOM), UTF-16 with a BOM, else GB18030
/// (which covers GBK and GB2312, the usual encodings of Chinese Word and PDF exports). Throws a
/// `LegalTextError` for an empty file (`empty_file`), a binary one (`binary_file`) or bytes that
/// are valid in none of these encodings (`bad_encoding`).
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new LegalTextError('empty_file', '文件是空的');
  const utf16 = utf16Encoding(bytes);
  if (utf16) return finish(new TextDecoder(utf16).decode(bytes));
  if (looksBinary(bytes)) throw new LegalTextError('binary_file', '文件不是文本文件（含有二进制数据）');
  for (const encoding of ['utf-8', 'gb18030']) {
    const text = tryDecode(bytes, encoding);
    if (text !== null) return finish(text);
  }
  throw new LegalTextError('bad_encoding', '无法识别文件编码：既不是 UTF-8，也不是 GB18030/GBK');
}

function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    // Tab, LF, FF, CR and ESC-free text: every other C0 byte is a sign of binary data.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) control++;
  }
  return control / sample.length > MAX_CONTROL_SHARE;
}

function tryDecode(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function finish(text: string): string {
  const body = text.replace(/^\ufeff/, '');
  if (body.trim() === '') throw new LegalTextError('empty_file', '文件中没有文字');
  return body;
}
