import { eq } from 'drizzle-orm';
import { explainerRegulations, explainerRevisions, explainers, type Explainer } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import { recordAudit } from '@/lib/audit';
import { can, type CurrentUser } from '@/lib/auth';
import { AppError } from '@/lib/errors';
import { bumpLibraryGeneration, findRegulation } from '@/lib/library';
import { parseInput } from '@/lib/shared';
import { explainerSchema, maxExplainerBody, type ExplainerInput } from './schemas';

/// The regulations named (by id or slug), as ids, each once; `regulation_not_found` names the
/// first that is not in the library.
function regulationIdsOf(db: Db, named: string[]): string[] {
  const ids: string[] = [];
  for (const n of named) {
    try {
      ids.push(findRegulation(n, db).id);
    } catch {
      throw new AppError('validation_failed', 'regulation_not_found', { details: { fields: [{ path: 'regulations', message: 'regulation_not_found' }], regulation: n } });
    }
  }
  return [...new Set(ids)];
}

function readInput(input: ExplainerInput | unknown) {
  const body = (input as { body?: unknown } | null)?.body;
  if (typeof body === 'string' && body.length > maxExplainerBody) {
    throw new AppError('validation_failed', 'explainer_body_too_long', { details: { fields: [{ path: 'body', message: 'explainer_body_too_long' }], limit: `${maxExplainerBody.toLocaleString('en')} 字` } });
  }
  return parseInput(explainerSchema, input);
}

/// Writes a new piece of content as a draft of its author (a volunteer, drafter or admin), with
/// its first revision and an audit entry. Returns its id.
export function createExplainer(actor: CurrentUser | null, input: ExplainerInput | unknown, db: Db = getDatabase(), now: Date = new Date()): { id: string } {
  if (!can(actor, 'explainer:write')) throw new AppError(actor ? 'forbidden' : 'unauthenticated', 'explainer_forbidden');
  const data = readInput(input);
  const regulationIds = regulationIdsOf(db, data.regulations);
  const id = crypto.randomUUID();
  db.transaction((tx) => {
    tx.insert(explainers).values({ id, kind: data.kind, title: data.title, summary: data.summary, body: data.body, topics: data.topics, status: 'draft', asOf: data.asOf, intendedCitations: data.intendedCitations, revision: 1, authorId: actor!.id, createdAt: now, updatedAt: now }).run();
    regulationIds.forEach((regulationId, position) => tx.insert(explainerRegulations).values({ explainerId: id, regulationId, position }).run());
    tx.insert(explainerRevisions).values({ id: crypto.randomUUID(), explainerId: id, seq: 1, title: data.title, summary: data.summary, body: data.body, authorId: actor!.id, at: now }).run();
    recordAudit(tx, { actorId: actor!.id, action: 'explainer.create', targetType: 'explainer', targetId: id, detail: { kind: data.kind, title: data.title } }, now);
  });
  return { id };
}

/// The content row, for someone who may change it: its author, or an admin.
export function editableExplainer(actor: CurrentUser | null, id: string, db: Db): Explainer {
  const row = db.select().from(explainers).where(eq(explainers.id, id)).get();
  if (!row || !actor || (row.authorId !== actor.id && actor.role !== 'admin') || !can(actor, 'explainer:write')) throw new AppError('not_found', 'explainer_not_found');
  return row;
}

/// Saves an edit as the next revision. Content under review or public goes back to draft (it
/// must be reviewed again before the new text is public).
export function updateExplainer(actor: CurrentUser | null, id: string, input: ExplainerInput | unknown, db: Db = getDatabase(), now: Date = new Date()): { revision: number } {
  const row = editableExplainer(actor, id, db);
  const data = readInput(input);
  const regulationIds = regulationIdsOf(db, data.regulations);
  const revision = row.revision + 1;
  db.transaction((tx) => {
    tx.update(explainers)
      .set({ kind: data.kind, title: data.title, summary: data.summary, body: data.body, topics: data.topics, asOf: data.asOf, intendedCitations: data.intendedCitations, revision, status: 'draft', updatedAt: now })
      .where(eq(explainers.id, id))
      .run();
    tx.delete(explainerRegulations).where(eq(explainerRegulations.explainerId, id)).run();
    regulationIds.forEach((regulationId, position) => tx.insert(explainerRegulations).values({ explainerId: id, regulationId, position }).run());
    tx.insert(explainerRevisions).values({ id: crypto.randomUUID(), explainerId: id, seq: revision, title: data.title, summary: data.summary, body: data.body, authorId: actor!.id, at: now }).run();
    if (row.status === 'approved') bumpLibraryGeneration(tx);
    recordAudit(tx, { actorId: actor!.id, action: 'explainer.edit', targetType: 'explainer', targetId: id, detail: { revision, from: row.status } }, now);
  });
  return { revision };
}
