import { describe, expect, it } from 'vitest';
import type { LineClass } from './classifyLine';
import { findNoiseLines } from './findNoiseLines';

const text = (t: string): LineClass => ({ kind: 'text', text: t, indented: false });
/// The given line three times, each followed by a line of content, as a PDF repeats a header on every page.
const onEveryPage = (line: string): LineClass[] => [1, 2, 3].flatMap((n) => [text(line), text(`正文${n}`)]);
const noise = (lines: LineClass[]) => [...findNoiseLines(lines)].sort((a, b) => a - b);

describe('findNoiseLines', () => {
  it('takes a short line repeated on every page for a running header, up to 40 characters', () => {
    expect(noise(onEveryPage('示例市人民代表大会常务委员会公报'))).toEqual([0, 2, 4]);
    expect(noise(onEveryPage('公'.repeat(40)))).toEqual([0, 2, 4]);
  });

  it('keeps a repeated line longer than 40 characters, or one that ends a sentence', () => {
    expect(noise(onEveryPage('公'.repeat(41)))).toEqual([]);
    expect(noise(onEveryPage('本场所禁止吸烟。'))).toEqual([]);
    expect(noise(onEveryPage('由城市管理部门责令改正，'))).toEqual([]);
  });
});
