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

function messageOf(bytes: Uint8Array): string | undefined {
  try {
    decodeText(bytes);
    return undefined;
  } catch (error) {
    return error instanceof LegalTextError ? `${error.code}: ${error.message}` : 'other';
  }
}

describe('decodeText, exact answers worked by hand', () => {
  it('tells the user exactly why a file was refused', () => {
    expect(messageOf(new Uint8Array())).toBe('empty_file: 文件是空的');
    expect(messageOf(new TextEncoder().encode(' \n'))).toBe('empty_file: 文件中没有文字');
    expect(messageOf(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toBe('binary_file: 文件不是文本文件（含有二进制数据）');
    expect(messageOf(new Uint8Array([0x41, 0x80, 0xff, 0x42]))).toBe('bad_encoding: 无法识别文件编码：既不是 UTF-8，也不是 GB18030/GBK');
  });

  it('decodes UTF-16 big-endian with a BOM', () => {
    expect(decodeText(new Uint8Array([0xfe, 0xff, 0x7b, 0x2c, 0x4e, 0x00]))).toBe('第一');
  });

  it('takes GB18030 text whose first or second byte looks like half a UTF-16 BOM for GB18030', () => {
    // 楚雄彝族自治州: 楚 is B3 FE.
    const chuxiong = new Uint8Array([0xb3, 0xfe, 0xd0, 0xdb, 0xd2, 0xcd, 0xd7, 0xe5, 0xd7, 0xd4, 0xd6, 0xce, 0xd6, 0xdd]);
    expect(decodeText(chuxiong)).toBe('楚雄彝族自治州');
    // ⺁部: ⺁ is FE 50.
    expect(decodeText(new Uint8Array([0xfe, 0x50, 0xb2, 0xbf]))).toBe('⺁部');
  });

  it('refuses bytes that only start like a UTF-16 BOM', () => {
    expect(codeOf(new Uint8Array([0xff, 0x41, 0x42, 0x43]))).toBe('bad_encoding');
    expect(codeOf(new Uint8Array([0x41, 0xff, 0x42, 0x43]))).toBe('bad_encoding');
  });

  it('takes one NUL byte for binary, but one control byte in ten for text', () => {
    expect(codeOf(new TextEncoder().encode('ABCDEFGHIJ\0'))).toBe('binary_file');
    expect(decodeText(new TextEncoder().encode('\u0001ABCDEFGHI'))).toBe('\u0001ABCDEFGHI');
    expect(codeOf(new TextEncoder().encode('\u0001\u0001ABCDEFGH'))).toBe('binary_file');
  });

  it('keeps CR line ends and form feeds, however many', () => {
    expect(decodeText(new TextEncoder().encode('甲\r\n乙\r\n'))).toBe('甲\r\n乙\r\n');
    expect(decodeText(new TextEncoder().encode('甲\f乙\f'))).toBe('甲\f乙\f');
  });

  it('strips a GB18030 BOM but keeps a U+FEFF inside the text', () => {
    expect(decodeText(new Uint8Array([0x84, 0x31, 0x95, 0x33, ...GB18030]))).toBe('第一条 甲。');
    expect(decodeText(new TextEncoder().encode('甲\ufeff乙'))).toBe('甲\ufeff乙');
  });
});
