import type { TextComparison } from './comparison';

/// A comparison as the `diff` JSON of PRODUCT.md: the summary, then one row per article naming
/// its old and new eid and label instead of carrying both full texts (`parse` has those).
export function toDiffJson(comparison: TextComparison) {
  const { summary, alignment, headings, articles } = comparison;
  return {
    summary,
    alignment,
    headings,
    articles: articles.map(({ before, after, ...row }) => ({
      ...row,
      ...(before ? { oldEid: before.eid, oldLabel: before.label } : {}),
      ...(after ? { newEid: after.eid, newLabel: after.label } : {}),
    })),
  };
}
