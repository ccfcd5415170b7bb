import { charClass, CJK, foldText, WORD } from './tokenize';

/// One term of a search query: a run of letters, digits and CJK characters between separators,
/// folded like the index (lower case, half-width). An article matches the term when it contains
/// `text` contiguously; a term that starts or ends with a latin/digit character matches only at
/// a word boundary there (so `pm2` does not match `xpm25`), as the index holds whole words.
export interface QueryTerm {
  text: string;
  /// The index tokens every matching article must contain: the bigrams of each CJK run (the
  /// character itself for a one-character run) and each latin/digit word.
  tokens: string[];
  /// True when the term is exactly one index token, so the token's stored score is the term's.
  single: boolean;
  startsWithWord: boolean;
  endsWithWord: boolean;
}

/// Splits a query into terms. Whitespace and every character that is not a letter, digit or CJK
/// ideograph separate terms, so search syntax (`"`, `*`, `(`, `NEAR(`) has no meaning and
/// operators such as `AND` are ordinary words. Duplicate terms are dropped; the order is kept.
export function queryTerms(q: string): QueryTerm[] {
  const folded = foldText(q);
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  let start = -1;
  let runs: { cls: number; start: number; end: number; chars: number }[] = [];
  const finish = (end: number) => {
    if (start < 0) return;
    const text = folded.slice(start, end);
    if (!seen.has(text)) {
      seen.add(text);
      terms.push(makeTerm(folded, text, runs));
    }
    start = -1;
    runs = [];
  };
  let i = 0;
  while (i < folded.length) {
    const cp = folded.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    const cls = charClass(cp);
    if (cls === CJK || cls === WORD) {
      if (start < 0) start = i;
      const last = runs[runs.length - 1];
      if (last && last.cls === cls && last.end === i) {
        last.end = i + width;
        last.chars++;
      } else runs.push({ cls, start: i, end: i + width, chars: 1 });
    } else finish(i);
    i += width;
  }
  finish(folded.length);
  return terms;
}

function makeTerm(folded: string, text: string, runs: { cls: number; start: number; end: number; chars: number }[]): QueryTerm {
  const tokens: string[] = [];
  const add = (t: string) => {
    if (!tokens.includes(t)) tokens.push(t);
  };
  for (const run of runs) {
    const s = folded.slice(run.start, run.end);
    if (run.cls === WORD || run.chars === 1) {
      add(s);
      continue;
    }
    const chars = Array.from(s);
    for (let k = 0; k + 1 < chars.length; k++) add(chars[k] + chars[k + 1]);
  }
  const first = runs[0];
  const last = runs[runs.length - 1];
  return {
    text,
    tokens,
    single: runs.length === 1 && (first.cls === WORD || first.chars <= 2),
    startsWithWord: first.cls === WORD,
    endsWithWord: last.cls === WORD,
  };
}
