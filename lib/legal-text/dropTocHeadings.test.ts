import { describe, expect, it } from 'vitest';
import type { BodyUnit } from './buildTree';
import { dropTocHeadings } from './dropTocHeadings';

type Level = 'part' | 'chapter' | 'section';
const heading = (level: Level, number: number, title: string): BodyUnit => ({ kind: 'heading', line: 0, level, number, title });
const article = (number: number): BodyUnit => ({ kind: 'article', line: 0, number, text: '甲。' });
/// Gives each unit its line number, 1-based, so the kept lines can be read off.
const lines = (units: BodyUnit[]): BodyUnit[] => units.map((u, i) => ({ ...u, line: i + 1 }));
const kept = (units: BodyUnit[]) => dropTocHeadings(units).map((u) => u.line);

describe('dropTocHeadings', () => {
  it('drops a contents list of parts, chapters and sections written before the body', () => {
    const units = lines([
      heading('part', 1, '总则'), heading('chapter', 1, '一般规定'), heading('section', 1, '目的'),
      heading('part', 2, '分则'), heading('chapter', 1, '管理'),
      heading('part', 1, '总则'), heading('chapter', 1, '一般规定'), heading('section', 1, '目的'), article(1),
      heading('part', 2, '分则'), heading('chapter', 1, '管理'), article(2),
    ]);
    expect(kept(units)).toEqual([6, 7, 8, 9, 10, 11, 12]);
  });

  it('keeps an empty section whose number and words recur in another chapter', () => {
    const units = lines([
      heading('chapter', 1, '总则'), heading('section', 1, '一般规定'), heading('section', 2, '目的'), article(1),
      heading('chapter', 2, '管理'), heading('section', 1, '一般规定'), article(2),
    ]);
    expect(kept(units)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('keeps an empty section whose number and words recur in another part', () => {
    const units = lines([
      heading('part', 1, '总则'), heading('chapter', 1, '一般规定'), heading('section', 1, '通则'), heading('section', 2, '目的'), article(1),
      heading('part', 2, '分则'), heading('chapter', 1, '一般规定'), heading('section', 1, '通则'), article(2),
    ]);
    expect(kept(units)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('keeps a repeated heading that holds articles: only an empty heading is a contents entry', () => {
    const units = lines([heading('chapter', 1, '总则'), article(1), heading('chapter', 1, '总则'), article(2)]);
    expect(kept(units)).toEqual([1, 2, 3, 4]);
  });
});
