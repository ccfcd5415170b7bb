import type { ArticleJson, OutlineEntry } from './toParseJson';

/// The headings above an article, outermost first, each as label and heading (e.g.
/// ['第二章　管理', '第一节　登记']); empty for a text without parts, chapters or sections.
export function articleHeadingPath(article: Pick<ArticleJson, 'part' | 'chapter' | 'section'>, outline: OutlineEntry[]): string[] {
  const path: string[] = [];
  const find = (kind: OutlineEntry['kind'], number: number | undefined, match: (e: OutlineEntry) => boolean) => {
    if (number === undefined) return;
    const entry = outline.find((e) => e.kind === kind && e.number === number && match(e));
    if (entry) path.push(entry.heading ? `${entry.label}　${entry.heading}` : entry.label);
  };
  find('part', article.part, () => true);
  find('chapter', article.chapter, (e) => e.part === article.part);
  find('section', article.section, (e) => e.chapter === article.chapter && e.part === article.part);
  return path;
}
