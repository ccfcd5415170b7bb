import { Diff } from 'diff';
import type { DiffToken } from './comparison';

let segmenter: Intl.Segmenter | undefined;

/// The ICU word segmenter for Chinese, made once and shared by everything in lib/legal-text that
/// reads words.
export function wordSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return segmenter;
}

/// A diff over the segments of the ICU word segmenter: each word, punctuation mark and run of
/// spaces is a token, and so is each line break (ICU gives every one a segment of its own).
/// (diff's own diffWordsWithSpace splits on a regular expression that knows no Chinese words, so
/// it diffs Chinese character by character, and it ignores an `intlSegmenter`; diffWords reads
/// one but counts line breaks as spaces.)
class SegmentedWordDiff extends Diff<string, string> {
  tokenize(value: string): string[] {
    return Array.from(wordSegmenter().segment(value), (s) => s.segment);
  }

  join(tokens: string[]): string {
    return tokens.join('');
  }
}

const segmentedWordDiff = new SegmentedWordDiff();

/// The word-level difference between two texts, Chinese words found by the ICU word segmenter
/// (so 纳入 → 列入 is a change of one word, not of the character 纳); line breaks are kept
/// as text, so paragraph structure survives in the tokens.
/// (jsdiff gives runs that alternate, never two of one kind in a row, and none empty.)
export function wordDiff(before: string, after: string): DiffToken[] {
  return segmentedWordDiff.diff(before, after).map((change) => ({ op: change.added ? 'insert' : change.removed ? 'delete' : 'equal', text: change.value }));
}

/// The share of text kept between the two sides of a difference: twice the unchanged characters
/// over the characters of both texts (1 when identical, 0 when nothing is shared).
export function keptShare(tokens: DiffToken[]): number {
  let equal = 0;
  let total = 0;
  for (const t of tokens) {
    const n = [...t.text].length;
    if (t.op === 'equal') {
      equal += n;
      total += 2 * n;
    } else total += n;
  }
  return total === 0 ? 1 : Math.round((2 * equal * 1000) / total) / 1000;
}
