import type { LineClass } from './classifyLine';

const PAGE_NUMBER = [
  /^[-－—–~·\s]*\d{1,4}[-－—–~·\s]*$/,
  /^第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$/,
  /^共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页$/,
  /^\d{1,4}\s*\/\s*\d{1,4}$/,
  /^page\s+\d{1,4}(?:\s+of\s+\d{1,4})?$/i,
];
// A running header is a short line that a PDF repeats on every page.
const RUNNING_HEADER_MAX_LENGTH = 40;
const RUNNING_HEADER_MIN_REPEATS = 3;
// A line that ends in punctuation, before any closing quotes or brackets, is part of a sentence
// (“本场所禁止吸烟。”, 由城市管理部门责令改正，): content however often it recurs.
const ENDS_IN_PUNCTUATION = /[。；：！？，、][”’」』）)\]】》〉"']*$/;

/// Finds the lines of text extracted from a PDF or Word file that are page furniture, not
/// content: bare page numbers (`3`, `- 3 -`, `第 3 页`) and running headers repeated on every page.
/// Returns their 0-based indexes.
export function findNoiseLines(lines: LineClass[]): Set<number> {
  const noise = new Set<number>();
  const repeats = new Map<string, number[]>();
  lines.forEach((cls, i) => {
    if (cls.kind !== 'text') return;
    if (PAGE_NUMBER.some((p) => p.test(cls.text))) {
      noise.add(i);
      return;
    }
    if (cls.text.length <= RUNNING_HEADER_MAX_LENGTH && !ENDS_IN_PUNCTUATION.test(cls.text)) {
      const seen = repeats.get(cls.text) ?? [];
      seen.push(i);
      repeats.set(cls.text, seen);
    }
  });
  for (const indexes of repeats.values()) {
    if (indexes.length >= RUNNING_HEADER_MIN_REPEATS) indexes.forEach((i) => noise.add(i));
  }
  return noise;
}
