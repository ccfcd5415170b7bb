import { describe, expect, it } from 'vitest';
import { decodeText } from './decodeText';
import { LegalTextError } from './errors';

// 第一条 甲。 in GB18030 (as `iconv -f utf-8 -t gb18030` writes it).
const GB18030 = new Uint8Array([0xb5, 0xda, 0xd2, 0xbb, 0xcc, 0xf5, 0x20, 0xbc, 0xd7, 0xa1, 0xa3]);

function codeOf(bytes: Uint8Array): string | undefined {
  try {
    decodeText(bytes);
    return undefined;
  } catch (error) {
    return error instanceof LegalTextError ? error.code : 'other';
  }
}

describe('decodeText', () => {
  it('decodes UTF-8 and strips a BOM', () => {
    expect(decodeText(new TextEncoder().encode('\ufeff第一条 甲。'))).toBe('第一条 甲。');
  });

  it('falls back to GB18030', () => {
    expect(decodeText(GB18030)).toBe('第一条 甲。');
  });

  it('decodes UTF-16 with a BOM', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, 0x2c, 0x7b, 0x00, 0x4e]);
    expect(decodeText(utf16)).toBe('第一');
  });

  it('refuses empty, blank, binary and undecodable input with a code', () => {
    expect(codeOf(new Uint8Array())).toBe('empty_file');
    expect(codeOf(new TextEncoder().encode(' \n\t\u3000\n'))).toBe('empty_file');
    expect(codeOf(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toBe('binary_file');
    expect(codeOf(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 65, 66, 67]))).toBe('binary_file');
    expect(codeOf(new Uint8Array([0x41, 0x80, 0xff, 0x42]))).toBe('bad_encoding');
  });
});
