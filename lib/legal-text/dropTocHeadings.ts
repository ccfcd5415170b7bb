import type { BodyUnit } from './buildTree';

/// Removes a table of contents written as headings: a heading that holds no article before the
/// next heading and whose text appears again later is a contents entry, not a chapter.
export function dropTocHeadings(units: BodyUnit[]): BodyUnit[] {
  // Chapters are numbered again in each part and sections in each chapter: a heading is the
  // same entry only under the same part (and chapter), so each key carries its enclosing numbers.
  const keys = new Map<number, string>();
  const within = { part: 0, chapter: 0 };
  units.forEach((unit, i) => {
    if (unit.kind !== 'heading') return;
    if (unit.level === 'part') Object.assign(within, { part: unit.number, chapter: 0 });
    if (unit.level === 'chapter') within.chapter = unit.number;
    const context = unit.level === 'part' ? '' : unit.level === 'chapter' ? `${within.part}` : `${within.part}.${within.chapter}`;
    keys.set(i, `${unit.level}:${unit.number}:${unit.title}@${context}`);
  });
  const later = new Set<string>();
  const toc = new Set<number>();
  let holdsArticle = false;
  for (let i = units.length - 1; i >= 0; i--) {
    const unit = units[i];
    if (unit.kind === 'article') holdsArticle = true;
    if (unit.kind !== 'heading') continue;
    const key = keys.get(i)!;
    if (!holdsArticle && later.has(key)) toc.add(i);
    later.add(key);
    holdsArticle = false;
  }
  return toc.size === 0 ? units : units.filter((_, i) => !toc.has(i));
}
