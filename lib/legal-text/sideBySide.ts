import type { ArticleComparison, ArticleSide, DiffToken } from './comparison';

/// A run of text on one side of the 修改对照表; `mark` is set on text that is only on this side
/// (struck through on the old side, underlined on the new).
export interface MarkedRun {
  text: string;
  mark?: 'delete' | 'insert';
}

/// One side of a table row: the article label and its lines (款, 项, 目), each a list of runs.
export interface MarkedSide {
  label: string;
  lines: MarkedRun[][];
}

/// Runs split at line breaks (款, 项, 目), keeping each run's mark.
export function splitLines(runs: MarkedRun[]): MarkedRun[][] {
  const lines: MarkedRun[][] = [[]];
  for (const run of runs) {
    run.text.split('\n').forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part) lines[lines.length - 1].push(run.mark ? { text: part, mark: run.mark } : { text: part });
    });
  }
  return lines;
}

function plainSide(side: ArticleSide, mark?: MarkedRun['mark']): MarkedSide {
  return { label: side.label, lines: splitLines([mark ? { text: side.text, mark } : { text: side.text }]) };
}

/// The two sides of one comparison row as the 修改对照表 shows them: the old article with what
/// was removed marked `delete`, the new one with what was added marked `insert`. A side is null
/// when the article is absent from that text (added or deleted).
export function sideBySide(row: ArticleComparison): { before: MarkedSide | null; after: MarkedSide | null } {
  if (row.change === 'modified' && row.before && row.after && row.tokens) {
    const beforeRuns = row.tokens.filter((t) => t.op !== 'insert').map((t) => (t.op === 'delete' ? { text: t.text, mark: 'delete' as const } : { text: t.text }));
    const afterRuns = row.tokens.filter((t) => t.op !== 'delete').map((t) => (t.op === 'insert' ? { text: t.text, mark: 'insert' as const } : { text: t.text }));
    return {
      before: { label: row.before.label, lines: splitLines(beforeRuns) },
      after: { label: row.after.label, lines: splitLines(afterRuns) },
    };
  }
  return {
    before: row.before ? plainSide(row.before, row.change === 'deleted' ? 'delete' : undefined) : null,
    after: row.after ? plainSide(row.after, row.change === 'added' ? 'insert' : undefined) : null,
  };
}

/// The rows a 修改对照表 shows: unless `all` is set, only articles whose wording changed (modified,
/// added, deleted) or that moved to another chapter; an article that was only renumbered, or
/// whose citations only followed the renumbering, is left to the full table.
export function tableRows(articles: ArticleComparison[], all = false): ArticleComparison[] {
  if (all) return articles;
  return articles.filter((a) => a.moved || a.change === 'added' || a.change === 'deleted' || (a.change === 'modified' && !a.referencesOnly));
}

/// A word-level difference as marked runs, both sides interleaved (the redline reading).
export function tokensToRuns(tokens: DiffToken[]): MarkedRun[] {
  return tokens.map((t) => (t.op === 'equal' ? { text: t.text } : { text: t.text, mark: t.op }));
}
