import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import { can, type CurrentUser } from '@/lib/auth';
import { todayInChina, type ExplainerKind } from '@/lib/shared';
import { contextOf } from './getExplainer';
import { readExplainers, type ExplainerRow } from './readExplainer';
import { regulationReads, resolveCitations } from './resolveCitations';
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
/// summary and body by substring (so one- and two-character Chinese queries work). Content saved
/// in the same moment lists by id, the later made first (ids are ordered).
export async function listExplainers(engine: Engine, actor: CurrentUser | null, f: ExplainerFilters = {}): Promise<{ items: ExplainerRow[]; total: number }> {
  const { db, t } = engine;
  const { explainerRegulations, explainers } = t;
  const where: SQL[] = [];
  if (f.scope === 'mine') where.push(eq(explainers.authorId, actor?.id ?? '\u0000'));
  else if (f.scope === 'review') where.push(can(actor, 'explainer:review') ? eq(explainers.status, 'in_review') : eq(explainers.id, '\u0000'));
  else where.push(eq(explainers.status, 'approved'));
  if (f.kind) where.push(eq(explainers.kind, f.kind));
  if (f.regulationId) where.push(inArray(explainers.id, db.select({ id: explainerRegulations.explainerId }).from(explainerRegulations).where(eq(explainerRegulations.regulationId, f.regulationId))));
  let ids = await db
    .select({ id: explainers.id, title: explainers.title, summary: explainers.summary, body: explainers.body })
    .from(explainers)
    .where(and(...where))
    .orderBy(desc(explainers.updatedAt), desc(explainers.id));
  const q = f.q?.trim();
  if (q) ids = ids.filter((r) => r.title.includes(q) || r.summary.includes(q) || r.body.includes(q));
  const offset = f.offset ?? 0;
  const page = ids.slice(offset, offset + (f.limit ?? 20));
  return { items: await readExplainers(engine, page.map((r) => r.id)), total: ids.length };
}

/// Approved content that cites one article (by eid) of a regulation, by kind, for its page; the
/// latest approved first.
export async function explainersCiting(engine: Engine, regulationId: string, eid: string, today: string = todayInChina()): Promise<ExplainerRow[]> {
  const { explainers } = engine.t;
  const approved = await engine.db.select({ id: explainers.id }).from(explainers).where(eq(explainers.status, 'approved')).orderBy(desc(explainers.approvedAt), desc(explainers.id));
  const citing: ExplainerRow[] = [];
  const reads = regulationReads();
  for (const row of await readExplainers(engine, approved.map((r) => r.id))) {
    if ((await resolveCitations(engine, row.body, contextOf(row), today, reads)).some((c) => c.regulationId === regulationId && c.eid === eid)) citing.push(row);
  }
  return citing;
}

/// Approved content whose citations have moved since it was written (an article amended or a
/// regulation repealed after its date): the "needs review" list of its author and of reviewers,
/// the latest saved first.
export async function explainersNeedingReview(engine: Engine, actor: CurrentUser | null, today: string = todayInChina()): Promise<(ExplainerRow & { moved: number })[]> {
  if (!actor) return [];
  const reviewer = can(actor, 'explainer:review');
  const { explainers } = engine.t;
  const rows = await engine.db
    .select({ id: explainers.id })
    .from(explainers)
    .where(and(eq(explainers.status, 'approved'), reviewer ? undefined : eq(explainers.authorId, actor.id)))
    .orderBy(desc(explainers.updatedAt), desc(explainers.id));
  const needing: (ExplainerRow & { moved: number })[] = [];
  const reads = regulationReads();
  for (const row of await readExplainers(engine, rows.map((r) => r.id))) {
    const moved = (await resolveCitations(engine, row.body, contextOf(row), today, reads)).filter(hasMoved).length;
    if (moved > 0) needing.push({ ...row, moved });
  }
  return needing;
}
