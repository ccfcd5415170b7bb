import { getDatabase, type Db } from '@/db/client';
import type { CurrentUser } from '@/lib/auth';
import { AppError } from '@/lib/errors';
import { todayInChina } from '@/lib/shared';
import { mayReadExplainer, readExplainers, type ExplainerRow } from './readExplainer';
import { citationResolver, resolveCitations, type ResolvedCitation } from './resolveCitations';

/// A piece of content as its page and the API show it: the row, and every citation resolved
/// against the law as in force on its date, with how each stands today.
export type ExplainerView = ExplainerRow & { citations: ResolvedCitation[] };

/// The citation context of a piece of content.
export function contextOf(row: Pick<ExplainerRow, 'asOf' | 'regulations'>) {
  return { asOf: row.asOf, regulationIds: row.regulations.map((r) => r.id) };
}

/// One piece of content for a reader allowed to see it; `not_found` otherwise (a draft is not
/// told apart from nothing).
export function getExplainer(actor: CurrentUser | null, id: string, db: Db = getDatabase(), today: string = todayInChina()): ExplainerView {
  const [row] = readExplainers(db, [id]);
  if (!row || !mayReadExplainer(actor, row)) throw new AppError('not_found', 'explainer_not_found');
  return { ...row, citations: resolveCitations(row.body, contextOf(row), db, today) };
}

/// A resolver for rendering one piece of content (citations in text order, relative ones read
/// against the last one before).
export function explainerResolver(row: Pick<ExplainerRow, 'asOf' | 'regulations'>, db: Db = getDatabase(), today: string = todayInChina()) {
  return citationResolver(contextOf(row), db, today);
}

/// Citations that resolve to nothing and that the author has not confirmed as meant.
export function openCitations(view: Pick<ExplainerView, 'citations' | 'intendedCitations'>): string[] {
  return [...new Set(view.citations.filter((c) => c.status === 'unresolved' && !view.intendedCitations.includes(c.text)).map((c) => c.text))];
}
