import type { ArticleJson, SubitemJson } from './toParseJson';

function subitemLines(subitems: SubitemJson[], depth: number): string[] {
  return subitems.flatMap((s) => [`${'  '.repeat(depth)}${s.label}${s.text}`, ...subitemLines(s.subitems, depth + 1)]);
}

/// An article's 款 as plain text, each with its 项 and 目 lines (derived labels included).
export function paragraphTexts(article: ArticleJson): string[] {
  return article.paragraphs.map((p) =>
    [p.text, ...subitemLines(p.subitems, 0), ...p.items.flatMap((i) => [`${i.label}${i.text}`, ...subitemLines(i.subitems, 1)])].join('\n'),
  );
}

/// An article as plain text without its label: one line per 款, 项 and 目 (with their derived
/// labels). This is what search indexes and what history compares.
export function articleText(article: ArticleJson): string {
  return paragraphTexts(article).join('\n');
}
