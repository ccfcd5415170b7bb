import { articleText, compareTexts, formatCitation, type ArticleComparison, type ArticleSide, type DiffToken, type TextComparison } from '@/lib/legal-text';
import type { Engine } from '@/db/engine';
import { AppError } from '@/lib/errors';
import type { VersionSummary } from './getRegulation';
import { isIsoDate, todayInChina } from '@/lib/shared';
import { readRegulationVersions } from './readRegulationVersions';
import { versionInForce } from './versionInForce';

/// How an article fared in a version against the version before it. `added` is also the first
/// version that has it (the original text, for most articles); `deleted` is the first version
/// without it after it existed; `absent` every other version without it.
export type ArticleHistoryChange = 'unchanged' | 'renumbered' | 'modified' | 'added' | 'deleted' | 'absent';

/// The article as it read in one published version (number, label and text null when absent).
export type RegulationArticleHistoryEntry = Pick<VersionSummary, 'seq' | 'change' | 'adoptedOn' | 'effectiveOn'> & {
  label: string | null;
  number: number | null;
  sub: number | null;
  /// The article without its label, one line per 款, 项 and 目.
  text: string | null;
  articleChange: ArticleHistoryChange;
  /// Word-level difference from the previous version's text, when `modified`.
  tokens?: DiffToken[];
  /// True for the version in force on `at`, in which the article was looked up.
  selected: boolean;
};

/// One article of a regulation traced through all its published versions (本条沿革).
export type RegulationArticleHistory = {
  regulation: { id: string; slug: string; title: string };
  at: string;
  /// The article as looked up, in the version in force on `at`.
  article: { number: number; sub?: number; label: string };
  citation: string;
  /// One entry per published version, oldest first.
  entries: RegulationArticleHistoryEntry[];
};

type Found = { side: Pick<ArticleSide, 'label' | 'number' | 'sub' | 'text'>; change: ArticleHistoryChange; tokens?: DiffToken[] } | { side: null; change: 'deleted' | 'absent' };

function tokensOf(row: ArticleComparison): { tokens?: DiffToken[] } {
  return row.change === 'modified' && row.tokens ? { tokens: row.tokens } : {};
}

/// The history of article `number` (`sub` for 第X条之一) of the version in force on `at` (default
/// today; the first version before any was in force), as getArticle finds it. Library versions
/// do not share article eids, so the article is followed backwards and forwards by comparing
/// each pair of consecutive versions by content. `article_not_found` when that version has no
/// such article.
export async function getRegulationArticleHistory(engine: Engine, idOrSlug: string, article: { number: number; sub?: number }, opts: { at?: string } = {}): Promise<RegulationArticleHistory> {
  if (opts.at !== undefined && !isIsoDate(opts.at)) throw new AppError('validation_failed', 'date_invalid');
  const at = opts.at ?? todayInChina();
  const { regulation, versions } = await readRegulationVersions(engine, idOrSlug);
  if (!Number.isInteger(article.number) || article.number < 1 || article.number > 100_000) throw new AppError('not_found', 'article_not_found');
  const chosen = versionInForce(versions, at) ?? versions[0];
  const k = versions.indexOf(chosen);
  const start = chosen.text.articles.find((a) => a.number === article.number && (a.sub ?? 0) === (article.sub ?? 0));
  if (!start) throw new AppError('not_found', 'article_not_found');

  // comparisons[i] compares version i - 1 with version i.
  const comparisons = new Map<number, TextComparison>();
  const compared = (i: number) => {
    let c = comparisons.get(i);
    if (!c) comparisons.set(i, (c = compareTexts(versions[i - 1].text, versions[i].text, { alignment: 'content' })));
    return c;
  };

  const found: Found[] = versions.map(() => ({ side: null, change: 'absent' }));
  found[k] = { side: { label: start.label, number: start.number, sub: start.sub, text: articleText(start) }, change: 'added' };
  // Backwards: the row of each comparison whose new side is the article says what the version did.
  let eid = start.eid;
  for (let i = k; i > 0; i--) {
    const row = compared(i).articles.find((r) => r.after?.eid === eid);
    if (!row || !row.before) break;
    found[i] = { ...found[i], change: row.change, ...tokensOf(row) } as Found;
    found[i - 1] = { side: row.before, change: 'added' };
    eid = row.before.eid;
  }
  eid = start.eid;
  for (let j = k + 1; j < versions.length; j++) {
    const row = compared(j).articles.find((r) => r.before?.eid === eid);
    if (!row || !row.after) {
      found[j] = { side: null, change: 'deleted' };
      break;
    }
    found[j] = { side: row.after, change: row.change, ...tokensOf(row) };
    eid = row.after.eid;
  }

  return {
    regulation: { id: regulation.id, slug: regulation.slug, title: regulation.title },
    at,
    article: { number: start.number, ...(start.sub ? { sub: start.sub } : {}), label: start.label },
    citation: formatCitation({ article: start.number, articleSub: start.sub }, { title: regulation.title }),
    entries: versions.map((v, i) => {
      const f = found[i];
      return {
        seq: v.seq,
        change: v.change,
        adoptedOn: v.adoptedOn,
        effectiveOn: v.effectiveOn,
        label: f.side?.label ?? null,
        number: f.side?.number ?? null,
        sub: f.side?.sub || null,
        text: f.side?.text ?? null,
        articleChange: f.change,
        ...('tokens' in f && f.tokens ? { tokens: f.tokens } : {}),
        selected: i === k,
      };
    }),
  };
}
