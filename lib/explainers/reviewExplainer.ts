import { and, eq } from 'drizzle-orm';
import type { Explainer } from '@/db/schema';
import type { Engine } from '@/db/engine';
import { withTransaction } from '@/db/withTransaction';
import { appendAudit } from '@/lib/audit';
import { can, type CurrentUser } from '@/lib/auth';
import { AppError } from '@/lib/errors';
import { bumpLibraryGenerationOn } from '@/lib/library';
import { parseInput, type ExplainerStatus } from '@/lib/shared';
import { getExplainer, openCitations, type ExplainerView } from './getExplainer';
import { mayReadExplainer, readExplainers } from './readExplainer';
import { editableExplainer } from './saveExplainer';
import { explainerReviewSchema, type ExplainerReviewInput } from './schemas';

/// Moves content from `from` to `to` with its audit entry, in one transaction: a compare-and-set
/// on the status and, when given, the revision that was checked, so that a move decided on one
/// text never lands on another saved meanwhile (`explainer_status_changed`). On PostgreSQL the
/// update waits for a concurrent one on the row and then finds it changed.
async function moveExplainer(
  engine: Engine,
  actorId: string,
  id: string,
  from: ExplainerStatus,
  to: ExplainerStatus,
  revision: number | null,
  set: Partial<Explainer>,
  action: string,
  detail: Record<string, unknown>,
  now: Date,
): Promise<void> {
  await withTransaction(engine, async (tx) => {
    const { explainers } = tx.t;
    const moved = await tx.db
      .update(explainers)
      .set({ ...set, status: to, updatedAt: now })
      .where(and(eq(explainers.id, id), eq(explainers.status, from), revision === null ? undefined : eq(explainers.revision, revision)))
      .returning({ id: explainers.id });
    if (moved.length !== 1) throw new AppError('conflict', 'explainer_status_changed');
    // Approved content shows on the library's pages: their cached copies go stale.
    if (from === 'approved' || to === 'approved') await bumpLibraryGenerationOn(tx);
    await appendAudit(tx, { actorId, action, targetType: 'explainer', targetId: id, detail: { from, to, ...detail } }, now);
  });
}

/// The refusal for citations that name nothing and were not confirmed as meant.
function refuseOpenCitations(view: ExplainerView): void {
  const open = openCitations(view);
  if (open.length > 0) throw new AppError('conflict', 'citations_unresolved', { details: { citations: open, articles: open } });
}

/// The author sends a draft for review; citations that resolve to nothing must be fixed or
/// confirmed as meant first. The revision checked is the one sent.
export async function submitExplainer(engine: Engine, actor: CurrentUser | null, id: string, now: Date = new Date()): Promise<void> {
  const row = await editableExplainer(engine, actor, id);
  if (row.status !== 'draft') throw new AppError('conflict', 'explainer_not_draft', { details: { status: row.status } });
  const view = await getExplainer(engine, actor, id);
  refuseOpenCitations(view);
  await moveExplainer(engine, actor!.id, id, 'draft', 'in_review', view.revision, { reviewNote: null }, 'explainer.submit', {}, now);
}

/// A reviewer (never the author) approves content under review — public from now on — or sends
/// it back to its author with a note. The decision holds for the revision the reviewer read.
export async function reviewExplainer(engine: Engine, actor: CurrentUser | null, id: string, input: ExplainerReviewInput | unknown, now: Date = new Date()): Promise<void> {
  if (!can(actor, 'explainer:review')) throw new AppError(actor ? 'forbidden' : 'unauthenticated', 'explainer_review_forbidden');
  const data = parseInput(explainerReviewSchema, input);
  const row = await getExplainer(engine, actor, id);
  if (row.authorId === actor!.id) throw new AppError('forbidden', 'explainer_own_review');
  if (row.status !== 'in_review') throw new AppError('conflict', 'explainer_not_in_review', { details: { status: row.status } });
  if (data.decision === 'approve') {
    refuseOpenCitations(row);
    await moveExplainer(engine, actor!.id, id, 'in_review', 'approved', row.revision, { reviewedBy: actor!.id, reviewNote: data.note || null, approvedAt: now }, 'explainer.approve', { revision: row.revision, note: data.note }, now);
  } else {
    if (!data.note) throw new AppError('validation_failed', 'explainer_note_required', { details: { fields: [{ path: 'note', message: 'explainer_note_required' }] } });
    await moveExplainer(engine, actor!.id, id, 'in_review', 'draft', row.revision, { reviewedBy: actor!.id, reviewNote: data.note }, 'explainer.return', { revision: row.revision, note: data.note }, now);
  }
}

/// A reviewer takes approved content down again, with a reason.
export async function unpublishExplainer(engine: Engine, actor: CurrentUser | null, id: string, note: string, now: Date = new Date()): Promise<void> {
  if (!can(actor, 'explainer:review')) throw new AppError(actor ? 'forbidden' : 'unauthenticated', 'explainer_review_forbidden');
  const [row] = await readExplainers(engine, [id]);
  if (!row || !mayReadExplainer(actor, row)) throw new AppError('not_found', 'explainer_not_found');
  if (!note.trim()) throw new AppError('validation_failed', 'explainer_note_required', { details: { fields: [{ path: 'note', message: 'explainer_note_required' }] } });
  await moveExplainer(engine, actor!.id, id, 'approved', 'unpublished', null, { reviewNote: note.trim() }, 'explainer.unpublish', { note: note.trim() }, now);
}
