import { describe, expect, it } from 'vitest';
import { layoutCjkLines, type SetLine } from './layoutCjkLines';

const opts = { width: 10, firstIndent: 2, maxSpacing: 0.5, measure: (text: string) => text.length };
const texts = (lines: SetLine[]) => lines.map((l) => l.pieces.map((p) => p.text).join(''));

describe('layoutCjkLines', () => {
  it('fills lines to the measure, the first after its indent', () => {
    expect(texts(layoutCjkLines([{ text: '一二三四五六七八九十甲乙丙丁' }], opts))).toEqual(['一二三四五六七八', '九十甲乙丙丁']);
  });

  it('never starts a line with closing punctuation nor ends one with opening punctuation', () => {
    expect(texts(layoutCjkLines([{ text: '一二三四五六七八，九十' }], opts))).toEqual(['一二三四五六七', '八，九十']);
    expect(texts(layoutCjkLines([{ text: '一二三四五六七（八）' }], opts))).toEqual(['一二三四五六七', '（八）']);
  });

  it('keeps a number or Latin word on one line', () => {
    expect(texts(layoutCjkLines([{ text: '一二三四五六2025年' }], opts))).toEqual(['一二三四五六', '2025年']);
  });

  it('justifies every line but the last and keeps marks apart', () => {
    const lines = layoutCjkLines([{ text: '一二三四五六' }, { text: '2025', mark: 'insert' }], opts);
    expect(lines[0].spacing).toBeCloseTo(2 / 5);
    expect(lines[1]).toEqual({ indent: 0, spacing: 0, pieces: [{ text: '2025', mark: 'insert', width: 4 }] });
  });
});
