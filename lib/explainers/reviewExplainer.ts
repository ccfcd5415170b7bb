import { and, eq } from 'drizzle-orm';
import { explainers } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import { recordAudit } from '@/lib/audit';
import { can, type CurrentUser } from '@/lib/auth';
import { AppError } from '@/lib/errors';
import { bumpLibraryGeneration } from '@/lib/library';
import { parseInput, type ExplainerStatus } from '@/lib/shared';
import { getExplainer, openCitations } from './getExplainer';
import { editableExplainer } from './saveExplainer';
import { explainerReviewSchema, type ExplainerReviewInput } from './schemas';

/// Moves content from `from` to `to` (compare-and-set), with its audit entry, in one transaction.
function moveExplainer(db: Db, actorId: string, id: string, from: ExplainerStatus, to: ExplainerStatus, set: Partial<typeof explainers.$inferInsert>, action: string, detail: Record<string, unknown>, now: Date) {
  db.transaction((tx) => {
    const moved = tx.update(explainers).set({ ...set, status: to, updatedAt: now }).where(and(eq(explainers.id, id), eq(explainers.status, from))).run();
    if (moved.changes !== 1) throw new AppError('conflict', 'explainer_status_changed');
    // Approved content shows on the library's pages: their cached copies go stale.
    if (from === 'approved' || to === 'approved') bumpLibraryGeneration(tx);
    recordAudit(tx, { actorId, action, targetType: 'explainer', targetId: id, detail: { from, to, ...detail } }, now);
  });
}

/// The refusal for citations that name nothing and were not confirmed as meant.
function refuseOpenCitations(actor: CurrentUser, id: string, db: Db) {
  const open = openCitations(getExplainer(actor, id, db));
  if (open.length > 0) throw new AppError('conflict', 'citations_unresolved', { details: { citations: open, articles: open } });
}

/// The author sends a draft for review; citations that resolve to nothing must be fixed or
/// confirmed as meant first.
export function submitExplainer(actor: CurrentUser | null, id: string, db: Db = getDatabase(), now: Date = new Date()): void {
  const row = editableExplainer(actor, id, db);
  if (row.status !== 'draft') throw new AppError('conflict', 'explainer_not_draft', { details: { status: row.status } });
  refuseOpenCitations(actor!, id, db);
  moveExplainer(db, actor!.id, id, 'draft', 'in_review', { reviewNote: null }, 'explainer.submit', {}, now);
}

/// A reviewer (never the author) approves content under review — public from now on — or sends
/// it back to its author with a note.
export function reviewExplainer(actor: CurrentUser | null, id: string, input: ExplainerReviewInput | unknown, db: Db = getDatabase(), now: Date = new Date()): void {
  if (!can(actor, 'explainer:review')) throw new AppError(actor ? 'forbidden' : 'unauthenticated', 'explainer_review_forbidden');
  const data = parseInput(explainerReviewSchema, input);
  const row = getExplainer(actor, id, db);
  if (row.authorId === actor!.id) throw new AppError('forbidden', 'explainer_own_review');
  if (row.status !== 'in_review') throw new AppError('conflict', 'explainer_not_in_review', { details: { status: row.status } });
  if (data.decision === 'approve') {
    refuseOpenCitations(actor!, id, db);
    moveExplainer(db, actor!.id, id, 'in_review', 'approved', { reviewedBy: actor!.id, reviewNote: data.note || null, approvedAt: now }, 'explainer.approve', { revision: row.revision, note: data.note }, now);
  } else {
    if (!data.note) throw new AppError('validation_failed', 'explainer_note_required', { details: { fields: [{ path: 'note', message: 'explainer_note_required' }] } });
    moveExplainer(db, actor!.id, id, 'in_review', 'draft', { reviewedBy: actor!.id, reviewNote: data.note }, 'explainer.return', { revision: row.revision, note: data.note }, now);
  }
}

/// A reviewer takes approved content down again, with a reason.
export function unpublishExplainer(actor: CurrentUser | null, id: string, note: string, db: Db = getDatabase(), now: Date = new Date()): void {
  if (!can(actor, 'explainer:review')) throw new AppError(actor ? 'forbidden' : 'unauthenticated', 'explainer_review_forbidden');
  getExplainer(actor, id, db);
  if (!note.trim()) throw new AppError('validation_failed', 'explainer_note_required', { details: { fields: [{ path: 'note', message: 'explainer_note_required' }] } });
  moveExplainer(db, actor!.id, id, 'approved', 'unpublished', { reviewNote: note.trim() }, 'explainer.unpublish', { note: note.trim() }, now);
}
