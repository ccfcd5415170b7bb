import type { BodyUnit } from './buildTree';

/// Removes a table of contents written as headings: a heading that holds no article before the
/// next heading and whose text appears again later is a contents entry, not a chapter.
export function dropTocHeadings(units: BodyUnit[]): BodyUnit[] {
  const later = new Set<string>();
  const toc = new Set<number>();
  let holdsArticle = false;
  for (let i = units.length - 1; i >= 0; i--) {
    const unit = units[i];
    if (unit.kind === 'article') holdsArticle = true;
    if (unit.kind !== 'heading') continue;
    const key = `${unit.level}:${unit.number}:${unit.title}`;
    if (!holdsArticle && later.has(key)) toc.add(i);
    later.add(key);
    holdsArticle = false;
  }
  return toc.size === 0 ? units : units.filter((_, i) => !toc.has(i));
}
