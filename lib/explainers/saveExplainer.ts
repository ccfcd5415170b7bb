import { eq } from 'drizzle-orm';
import type { Explainer } from '@/db/schema';
import { lockRow, type Engine } from '@/db/engine';
import { withTransaction } from '@/db/withTransaction';
import { appendAudit } from '@/lib/audit';
import { can, type CurrentUser } from '@/lib/auth';
import { AppError, isAppError } from '@/lib/errors';
import { bumpLibraryGenerationOn, findRegulationOn } from '@/lib/library';
import { orderedId, parseInput } from '@/lib/shared';
import { explainerSchema, maxExplainerBody, type ExplainerInput } from './schemas';

/// The regulations named (by id or slug), as ids, each once; `regulation_not_found` names the
/// first that is not in the library.
async function regulationIdsOf(engine: Engine, named: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const n of named) {
    try {
      ids.push((await findRegulationOn(engine, n)).id);
    } catch (e) {
      if (!isAppError(e)) throw e;
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
/// its first revision and an audit entry. Returns its id (ordered: made later, sorts later).
export async function createExplainer(engine: Engine, actor: CurrentUser | null, input: ExplainerInput | unknown, now: Date = new Date()): Promise<{ id: string }> {
  if (!can(actor, 'explainer:write')) throw new AppError(actor ? 'forbidden' : 'unauthenticated', 'explainer_forbidden');
  const data = readInput(input);
  const regulationIds = await regulationIdsOf(engine, data.regulations);
  const id = orderedId();
  await withTransaction(engine, async (tx) => {
    const { explainerRegulations, explainerRevisions, explainers } = tx.t;
    await tx.db.insert(explainers).values({ id, kind: data.kind, title: data.title, summary: data.summary, body: data.body, topics: data.topics, status: 'draft', asOf: data.asOf, intendedCitations: data.intendedCitations, revision: 1, authorId: actor!.id, createdAt: now, updatedAt: now });
    if (regulationIds.length > 0) await tx.db.insert(explainerRegulations).values(regulationIds.map((regulationId, position) => ({ explainerId: id, regulationId, position })));
    await tx.db.insert(explainerRevisions).values({ id: crypto.randomUUID(), explainerId: id, seq: 1, title: data.title, summary: data.summary, body: data.body, authorId: actor!.id, at: now });
    await appendAudit(tx, { actorId: actor!.id, action: 'explainer.create', targetType: 'explainer', targetId: id, detail: { kind: data.kind, title: data.title } }, now);
  });
  return { id };
}

/// Whether `actor` may change a piece of content: its author, or an admin, who may write.
function mayEdit(actor: CurrentUser | null, row: Pick<Explainer, 'authorId'> | undefined): row is Explainer {
  return !!row && !!actor && (row.authorId === actor.id || actor.role === 'admin') && can(actor, 'explainer:write');
}

/// The content row, for someone who may change it: its author, or an admin.
export async function editableExplainer(engine: Engine, actor: CurrentUser | null, id: string): Promise<Explainer> {
  const { explainers } = engine.t;
  const [row] = await engine.db.select().from(explainers).where(eq(explainers.id, id)).limit(1);
  if (!mayEdit(actor, row)) throw new AppError('not_found', 'explainer_not_found');
  return row;
}

/// Saves an edit as the next revision. Content under review or public goes back to draft (it
/// must be reviewed again before the new text is public). The row is read again inside the
/// transaction (locked on PostgreSQL), so that two edits at once number their revisions one after
/// the other and each audits the status it found.
export async function updateExplainer(engine: Engine, actor: CurrentUser | null, id: string, input: ExplainerInput | unknown, now: Date = new Date()): Promise<{ revision: number }> {
  await editableExplainer(engine, actor, id);
  const data = readInput(input);
  const regulationIds = await regulationIdsOf(engine, data.regulations);
  return withTransaction(engine, async (tx) => {
    const { explainerRegulations, explainerRevisions, explainers } = tx.t;
    await lockRow(tx, explainers, id);
    const [row] = await tx.db.select({ revision: explainers.revision, status: explainers.status }).from(explainers).where(eq(explainers.id, id)).limit(1);
    if (!row) throw new AppError('not_found', 'explainer_not_found');
    const revision = row.revision + 1;
    await tx.db
      .update(explainers)
      .set({ kind: data.kind, title: data.title, summary: data.summary, body: data.body, topics: data.topics, asOf: data.asOf, intendedCitations: data.intendedCitations, revision, status: 'draft', updatedAt: now })
      .where(eq(explainers.id, id));
    await tx.db.delete(explainerRegulations).where(eq(explainerRegulations.explainerId, id));
    if (regulationIds.length > 0) await tx.db.insert(explainerRegulations).values(regulationIds.map((regulationId, position) => ({ explainerId: id, regulationId, position })));
    await tx.db.insert(explainerRevisions).values({ id: crypto.randomUUID(), explainerId: id, seq: revision, title: data.title, summary: data.summary, body: data.body, authorId: actor!.id, at: now });
    if (row.status === 'approved') await bumpLibraryGenerationOn(tx);
    await appendAudit(tx, { actorId: actor!.id, action: 'explainer.edit', targetType: 'explainer', targetId: id, detail: { revision, from: row.status } }, now);
    return { revision };
  });
}
