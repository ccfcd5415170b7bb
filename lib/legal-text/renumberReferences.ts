import { articleLabel } from './labels';
import { CHINESE_NUMERAL_CHARS, fromChineseNumeral } from './numerals';

const REFERENCE = new RegExp(`(》)?第([${CHINESE_NUMERAL_CHARS}]+)条(?!之)`, 'g');

/// Rewrites the article numbers an article cites (第十三条 …) by `numbers` (old → new), leaving
/// citations of other laws (《…》第十三条) and unmapped numbers as they are: how the text would
/// read if only the numbering around it had changed.
export function renumberReferences(text: string, numbers: Map<number, number>): string {
  return text.replace(REFERENCE, (match, otherLaw: string | undefined, numeral: string) => {
    const number = fromChineseNumeral(numeral);
    if (otherLaw || number === null) return match;
    const renumbered = numbers.get(number);
    return renumbered === undefined ? match : articleLabel(renumbered);
  });
}

/// Whether two texts of an article differ only in the numbers of the articles they cite, given how
/// articles were renumbered (old → new). Such a change follows from numbering, which is derived:
/// nobody wrote it.
export function differsOnlyInReferences(before: string, after: string, numbers: Map<number, number>): boolean {
  return before !== after && renumberReferences(before, numbers) === after;
}
