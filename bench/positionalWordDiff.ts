import { diffWords } from 'diff';
import { articleText, type ComparableText } from '@/lib/legal-text';
import type { ArticleChangeRef } from './checks';

let segmenter: Intl.Segmenter | undefined;

/// What a team would write without alignment, the diff bench's second baseline: article i of the
/// old text beside article i of the new, in document order, with a word diff (`diffWords`, Chinese
/// words by the zh Intl.Segmenter) of each pair whose texts differ; the articles past the end of
/// the shorter text are deleted or added. Returns the changes it reports, named by the articles'
/// labels as the bench's cross-check names them. After an inserted or deleted article every pair
/// is off by one, so the changes land on the wrong articles: that is what it is there to show.
export function positionalWordDiff(before: ComparableText, after: ComparableText): ArticleChangeRef[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const changes: ArticleChangeRef[] = [];
  const length = Math.max(before.articles.length, after.articles.length);
  for (let i = 0; i < length; i++) {
    const old = before.articles[i];
    const next = after.articles[i];
    if (!next) changes.push({ change: 'deleted', old: old.label, new: null });
    else if (!old) changes.push({ change: 'added', old: null, new: next.label });
    else {
      const oldText = articleText(old);
      const newText = articleText(next);
      if (oldText === newText) continue;
      const parts = diffWords(oldText, newText, { intlSegmenter: segmenter });
      if (parts.some((p) => p.added || p.removed)) changes.push({ change: 'modified', old: old.label, new: next.label });
    }
  }
  return changes;
}
