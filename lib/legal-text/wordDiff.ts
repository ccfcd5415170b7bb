import { diffWordsWithSpace } from 'diff';
import type { DiffToken } from './comparison';

let segmenter: Intl.Segmenter | undefined;

/// The ICU word segmenter for Chinese, made once and shared by everything in lib/legal-text that
/// reads words.
export function wordSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return segmenter;
}

/// The word-level difference between two texts, Chinese words found by the ICU word segmenter
/// (so 犬只 → 宠物犬 is a change of words, not of scattered characters); line breaks are kept
/// as text, so paragraph structure survives in the tokens.
export function wordDiff(before: string, after: string): DiffToken[] {
  const tokens: DiffToken[] = [];
  for (const change of diffWordsWithSpace(before, after, { intlSegmenter: wordSegmenter() })) {
    const op = change.added ? 'insert' : change.removed ? 'delete' : 'equal';
    const last = tokens[tokens.length - 1];
    if (last && last.op === op) last.text += change.value;
    else if (change.value) tokens.push({ op, text: change.value });
  }
  return tokens;
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
