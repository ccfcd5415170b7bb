import type { TextComparison } from './comparison';

/// What a comparison amounts to, as its summary line says it: whether the texts are the same
/// (nothing modified, added, deleted, renumbered or moved), how many articles were amended in
/// substance, and how many only had the numbers of cited articles follow a renumbering (those
/// are not amendments: the 修改决定 leaves them to 对条文顺序作相应调整).
export function countChanges(comparison: TextComparison): { identical: boolean; amended: number; referencesOnly: number } {
  const { summary } = comparison;
  const referencesOnly = comparison.articles.filter((a) => a.referencesOnly).length;
  const identical = summary.modified + summary.added + summary.deleted + summary.renumbered + summary.moved === 0;
  return { identical, amended: summary.modified - referencesOnly, referencesOnly };
}
