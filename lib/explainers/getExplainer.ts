import type { Engine } from '@/db/engine';
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
export async function getExplainer(engine: Engine, actor: CurrentUser | null, id: string, today: string = todayInChina()): Promise<ExplainerView> {
  const [row] = await readExplainers(engine, [id]);
  if (!row || !mayReadExplainer(actor, row)) throw new AppError('not_found', 'explainer_not_found');
  return { ...row, citations: await resolveCitations(engine, row.body, contextOf(row), today) };
}

/// A resolver for rendering one piece of content (citations in text order, relative ones read
/// against the last one before).
export function explainerResolver(engine: Engine, row: Pick<ExplainerRow, 'asOf' | 'regulations'>, today: string = todayInChina()) {
  return citationResolver(engine, contextOf(row), today);
}

/// Citations that resolve to nothing and that the author has not confirmed as meant.
export function openCitations(view: Pick<ExplainerView, 'citations' | 'intendedCitations'>): string[] {
  return [...new Set(view.citations.filter((c) => c.status === 'unresolved' && !view.intendedCitations.includes(c.text)).map((c) => c.text))];
}
