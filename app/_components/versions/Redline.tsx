import { splitLines, tokensToRuns, type ArticleComparison, type MarkedRun } from '@/lib/legal-text';
import type { Translate } from '@/lib/i18n';
import { MarkedLines } from './MarkedLines';

function inlineLines(row: ArticleComparison): MarkedRun[][] {
  const runs: MarkedRun[] = row.tokens
    ? tokensToRuns(row.tokens)
    : row.change === 'deleted'
      ? [{ text: row.before!.text, mark: 'delete' }]
      : row.change === 'added'
        ? [{ text: row.after!.text, mark: 'insert' }]
        : [{ text: (row.after ?? row.before)!.text }];
  return splitLines(runs);
}

/// The new text read straight through, with every removal struck and every addition underlined
/// in place; a renumbered article shows its old label struck beside the new one.
export function Redline({ articles, t }: { articles: ArticleComparison[]; t: Translate }) {
  return (
    <div className="statute redline" data-testid="redline">
      {articles.map((row, i) => {
        const label = (row.after ?? row.before)!.label;
        const oldLabel = row.before && row.after && row.before.label !== row.after.label ? row.before.label : null;
        return (
          <section key={i} className={`statute-article redline-article redline-article--${row.change}`} aria-label={label}>
            {oldLabel && <del className="redline-oldlabel">{oldLabel}</del>}
            <MarkedLines lines={inlineLines(row)} label={label} />
            {row.change !== 'unchanged' && <p className="comparison-note">{t(`compare.change.${row.change}`)}</p>}
          </section>
        );
      })}
    </div>
  );
}
