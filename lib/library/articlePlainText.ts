import type { ArticleJson, SubitemJson } from '@/lib/legal-text';

function subitemLines(subitems: SubitemJson[], depth: number): string[] {
  return subitems.flatMap((s) => [`${'  '.repeat(depth)}${s.label}${s.text}`, ...subitemLines(s.subitems, depth + 1)]);
}

/// An article as plain text without its label: one line per 款, 项 and 目 (with their derived
/// labels). This is what search indexes and what history compares.
export function articlePlainText(article: ArticleJson): string {
  return article.paragraphs
    .flatMap((p) => [p.text, ...subitemLines(p.subitems, 0), ...p.items.flatMap((i) => [`${i.label}${i.text}`, ...subitemLines(i.subitems, 1)])])
    .join('\n');
}
