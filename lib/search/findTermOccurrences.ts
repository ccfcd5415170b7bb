import type { QueryTerm } from './queryTerms';
import { charClass, WORD } from './tokenize';

/// The start offsets (UTF-16, overlapping occurrences included) of `term` in `folded`, a text
/// already passed through `foldText`. A term with a latin/digit edge matches only where the text
/// does not continue the word at that edge. Counting overlaps keeps a phrase's count at or below
/// the count of each of its bigrams, which the early stop in `searchArticles` relies on.
export function findTermOccurrences(folded: string, term: QueryTerm): number[] {
  const out: number[] = [];
  const n = term.text.length;
  let i = folded.indexOf(term.text);
  while (i >= 0) {
    const before = i > 0 ? charClass(folded.charCodeAt(i - 1)) : 0;
    const after = i + n < folded.length ? charClass(folded.charCodeAt(i + n)) : 0;
    if (!(term.startsWithWord && before === WORD) && !(term.endsWithWord && after === WORD)) out.push(i);
    i = folded.indexOf(term.text, i + 1);
  }
  return out;
}

/// How many times `term` occurs in `folded` (see `findTermOccurrences`).
export function countTermOccurrences(folded: string, term: QueryTerm): number {
  return findTermOccurrences(folded, term).length;
}
