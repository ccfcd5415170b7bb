import { asc, eq, inArray } from 'drizzle-orm';
import type { Explainer } from '@/db/schema';
import type { Engine } from '@/db/engine';
import { can, type CurrentUser } from '@/lib/auth';

/// A piece of content with the regulations it concerns (in order) and its author's name.
export type ExplainerRow = Explainer & { regulations: { id: string; slug: string; title: string }[]; authorName: string | null };

/// Whether `actor` may read a piece of content: anyone once approved; before that and after it is
/// taken down, only its author and reviewers.
export function mayReadExplainer(actor: CurrentUser | null, row: Pick<Explainer, 'status' | 'authorId'>): boolean {
  if (row.status === 'approved') return true;
  return !!actor && (row.authorId === actor.id || can(actor, 'explainer:review'));
}

/// Content rows by id with their regulations and author, in the order asked.
export async function readExplainers(engine: Engine, ids: string[]): Promise<ExplainerRow[]> {
  if (ids.length === 0) return [];
  const { db, t } = engine;
  const { explainerRegulations, explainers, regulations, users } = t;
  const rows = await db.select({ e: explainers, authorName: users.name }).from(explainers).leftJoin(users, eq(users.id, explainers.authorId)).where(inArray(explainers.id, ids));
  const regs = await db
    .select({ explainerId: explainerRegulations.explainerId, id: regulations.id, slug: regulations.slug, title: regulations.title })
    .from(explainerRegulations)
    .innerJoin(regulations, eq(regulations.id, explainerRegulations.regulationId))
    .where(inArray(explainerRegulations.explainerId, ids))
    .orderBy(asc(explainerRegulations.position));
  const byId = new Map(rows.map((r) => [r.e.id, { ...r.e, authorName: r.authorName, regulations: regs.filter((g) => g.explainerId === r.e.id).map(({ id, slug, title }) => ({ id, slug, title })) }]));
  return ids.map((id) => byId.get(id)).filter((r): r is ExplainerRow => !!r);
}
