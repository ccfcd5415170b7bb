import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { explainerRegulations, explainers } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import { can, type CurrentUser } from '@/lib/auth';
import { todayInChina, type ExplainerKind } from '@/lib/shared';
import { contextOf } from './getExplainer';
import { readExplainers, type ExplainerRow } from './readExplainer';
import { resolveCitations } from './resolveCitations';
import { hasMoved } from './movedArticles';

/// What a list of content may be narrowed to.
export interface ExplainerFilters {
  q?: string;
  kind?: ExplainerKind;
  regulationId?: string;
  /// `mine`: the reader's own, any status; `review`: waiting for a reviewer (reviewers only);
  /// default: approved content.
  scope?: 'public' | 'mine' | 'review';
  limit?: number;
  offset?: number;
}

/// Content a reader may see, newest first, with the total before paging. Anyone sees approved
/// content; `mine` and `review` are for signed-in writers and reviewers. `q` matches title,
/// summary and body by substring (so one- and two-character Chinese queries work).
export function listExplainers(actor: CurrentUser | null, f: ExplainerFilters = {}, db: Db = getDatabase()): { items: ExplainerRow[]; total: number } {
  const where: SQL[] = [];
  if (f.scope === 'mine') where.push(eq(explainers.authorId, actor?.id ?? '\u0000'));
  else if (f.scope === 'review') where.push(can(actor, 'explainer:review') ? eq(explainers.status, 'in_review') : eq(explainers.id, '\u0000'));
  else where.push(eq(explainers.status, 'approved'));
  if (f.kind) where.push(eq(explainers.kind, f.kind));
  if (f.regulationId) where.push(inArray(explainers.id, db.select({ id: explainerRegulations.explainerId }).from(explainerRegulations).where(eq(explainerRegulations.regulationId, f.regulationId))));
  let ids = db.select({ id: explainers.id, title: explainers.title, summary: explainers.summary, body: explainers.body }).from(explainers).where(and(...where)).orderBy(desc(explainers.updatedAt)).all();
  const q = f.q?.trim();
  if (q) ids = ids.filter((r) => r.title.includes(q) || r.summary.includes(q) || r.body.includes(q));
  const offset = f.offset ?? 0;
  const page = ids.slice(offset, offset + (f.limit ?? 20));
  return { items: readExplainers(db, page.map((r) => r.id)), total: ids.length };
}

/// Approved content that cites one article (by eid) of a regulation, by kind, for its page.
export function explainersCiting(regulationId: string, eid: string, db: Db = getDatabase(), today: string = todayInChina()): ExplainerRow[] {
  const approved = db.select({ id: explainers.id }).from(explainers).where(eq(explainers.status, 'approved')).orderBy(desc(explainers.approvedAt)).all();
  return readExplainers(db, approved.map((r) => r.id)).filter((row) => resolveCitations(row.body, contextOf(row), db, today).some((c) => c.regulationId === regulationId && c.eid === eid));
}

/// Approved content whose citations have moved since it was written (an article amended or a
/// regulation repealed after its date): the "needs review" list of its author and of reviewers.
export function explainersNeedingReview(actor: CurrentUser | null, db: Db = getDatabase(), today: string = todayInChina()): (ExplainerRow & { moved: number })[] {
  if (!actor) return [];
  const reviewer = can(actor, 'explainer:review');
  const rows = db
    .select({ id: explainers.id })
    .from(explainers)
    .where(and(eq(explainers.status, 'approved'), reviewer ? undefined : eq(explainers.authorId, actor.id)))
    .all();
  return readExplainers(db, rows.map((r) => r.id))
    .map((row) => ({ ...row, moved: resolveCitations(row.body, contextOf(row), db, today).filter(hasMoved).length }))
    .filter((row) => row.moved > 0);
}

