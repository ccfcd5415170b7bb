/// The colloquial words a question may use and the statutory terms they stand for: 老板 →
/// 用人单位, 辞退 → 解除劳动合同. Keys are words as the segmenter yields them; one level only
/// (an expansion is never expanded again).
export type Thesaurus = ReadonlyMap<string, readonly string[]>;

/// A thesaurus file that breaks one of the rules, with the line it breaks it on.
export class ThesaurusError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`thesaurus line ${line}: ${message}`);
    this.name = 'ThesaurusError';
  }
}

const WORD = /^[\p{Script=Han}\p{L}\p{N}]+$/u;

/// Reads the thesaurus file format (lib/search/lexicon/thesaurus.tsv): one entry a line,
/// `colloquial<TAB>term term …`, `#` starts a comment, blank lines are skipped. Throws a
/// `ThesaurusError` for a line that does not parse, a word that maps to itself, a key given
/// twice or a term given twice in one entry, and for a loop (A → B with B → A, or longer), so that
/// what the file says is what a question gets.
export function parseThesaurus(text: string): Thesaurus {
  const entries = new Map<string, string[]>();
  const lineOf = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) return;
    const n = i + 1;
    const fields = line.split('\t');
    if (fields.length !== 2) throw new ThesaurusError(n, `expected "word<TAB>term term …", found ${JSON.stringify(raw)}`);
    const from = fields[0].trim();
    const to = fields[1].trim().split(/\s+/);
    if (!WORD.test(from)) throw new ThesaurusError(n, `"${from}" is not one word`);
    for (const t of to) if (!WORD.test(t)) throw new ThesaurusError(n, `"${t}" is not one word`);
    if (to.includes(from)) throw new ThesaurusError(n, `"${from}" maps to itself`);
    const repeated = to.find((t, k) => to.indexOf(t) !== k);
    if (repeated) throw new ThesaurusError(n, `"${repeated}" is given twice for "${from}"`);
    if (entries.has(from)) throw new ThesaurusError(n, `"${from}" is already an entry (line ${lineOf.get(from)})`);
    entries.set(from, to);
    lineOf.set(from, n);
  });
  const loop = findLoop(entries);
  if (loop) throw new ThesaurusError(lineOf.get(loop[0]) ?? 0, `loop ${loop.join(' → ')}`);
  return entries;
}

/// The first cycle of the graph from → to, as the words along it (first word repeated at the end).
function findLoop(entries: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (word: string): string[] | null => {
    if (state.get(word) === 'done') return null;
    if (state.get(word) === 'open') return [...path.slice(path.indexOf(word)), word];
    state.set(word, 'open');
    path.push(word);
    for (const next of entries.get(word) ?? []) {
      const loop = visit(next);
      if (loop) return loop;
    }
    path.pop();
    state.set(word, 'done');
    return null;
  };
  for (const word of entries.keys()) {
    const loop = visit(word);
    if (loop) return loop;
  }
  return null;
}
