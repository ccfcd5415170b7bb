import { findTermOccurrences } from './findTermOccurrences';
import type { QueryTerm } from './queryTerms';
import { foldText } from './tokenize';

/// A short extract of an article around its first match, with the matched ranges.
export interface Snippet {
  snippet: string;
  /// `[start, end)` offsets into `snippet` (UTF-16 code units, as JavaScript strings index),
  /// sorted and non-overlapping.
  highlights: [number, number][];
}

const ELLIPSIS = '…';
const MAX_EXTENSION = 12;

/// About `width` characters of `text` starting a little before the first occurrence of any
/// term (a little more when a match would be cut at the end), line breaks shown as spaces, `…`
/// where text was cut, and every occurrence of every term inside the extract marked.
export function makeSnippet(text: string, terms: readonly QueryTerm[], width = 80): Snippet {
  const folded = foldText(text);
  const ranges: [number, number][] = [];
  for (const term of terms) for (const at of findTermOccurrences(folded, term)) ranges.push([at, at + term.text.length]);
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const first = ranges.length > 0 ? ranges[0][0] : 0;
  let start = Math.max(0, Math.min(first - Math.floor(width / 4), text.length - width));
  let end = Math.min(text.length, start + width);
  // Rather than cut a match in two at the right edge, let the extract run a few characters longer.
  for (const [s, e] of ranges) if (s < end && e > end && e - end <= MAX_EXTENSION) end = e;
  if (isLowSurrogate(text, start)) start--;
  if (isLowSurrogate(text, end)) end++;
  const prefix = start > 0 ? ELLIPSIS : '';
  const snippet = prefix + text.slice(start, end).replace(/[\r\n\t]/g, ' ') + (end < text.length ? ELLIPSIS : '');
  const highlights: [number, number][] = [];
  for (const [s, e] of ranges) {
    const from = Math.max(s, start);
    const to = Math.min(e, end);
    if (from >= to) continue;
    const range: [number, number] = [from - start + prefix.length, to - start + prefix.length];
    const last = highlights[highlights.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else highlights.push(range);
  }
  return { snippet, highlights };
}

/// True when `text[i]` is the low half of a pair that a cut at `i` would split. At 0 nothing can be
/// split; at the end `charCodeAt` reads NaN, which is no low half.
function isLowSurrogate(text: string, i: number): boolean {
  if (i <= 0) return false;
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
}
