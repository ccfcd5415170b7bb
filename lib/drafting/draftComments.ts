import { and, asc, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Engine } from '@/db/engine';
import { withTransaction } from '@/db/withTransaction';
import { appendAudit } from '@/lib/audit';
import { can } from '@/lib/auth';
import { parseInput } from '@/lib/shared';
import type { CurrentUser } from '@/lib/auth';
import { AppError } from '@/lib/errors';
import { sendNotice } from '@/lib/inbox';
import { getBillOfDraft } from './getBill';

/// Body of a new staff comment: on an article (by eid), optionally replying to a thread.
export const newDraftCommentSchema = z.object({
  articleEid: z.string().min(1).max(120),
  body: z.string().trim().min(1, { message: 'comment_empty' }).max(5000, { message: 'comment_too_long' }),
  parentId: z.string().max(60).optional(),
});

/// A staff comment as the margin shows it.
export type DraftCommentView = { id: string; articleEid: string; parentId: string | null; authorName: string | null; body: string; resolved: boolean; createdAt: string };

async function commentable(engine: Engine, actor: CurrentUser | null, draftId: string) {
  const bill = await getBillOfDraft(engine, actor, draftId);
  if (!can(actor, 'draft:comment', bill.resource)) throw new AppError('forbidden', 'forbidden');
  return bill;
}

/// Every staff comment of a draft, oldest first (members only). Runs on either engine.
export async function listDraftComments(engine: Engine, actor: CurrentUser | null, draftId: string): Promise<DraftCommentView[]> {
  await getBillOfDraft(engine, actor, draftId);
  const { db, t } = engine;
  const rows = await db
    .select({ c: t.draftComments, authorName: t.users.name })
    .from(t.draftComments)
    .leftJoin(t.users, eq(t.users.id, t.draftComments.authorId))
    .where(eq(t.draftComments.draftId, draftId))
    .orderBy(asc(t.draftComments.createdAt), asc(t.draftComments.id));
  return rows.map(({ c, authorName }) => ({ id: c.id, articleEid: c.articleEid, parentId: c.parentId, authorName, body: c.body, resolved: c.resolvedAt !== null, createdAt: c.createdAt.toISOString() }));
}

/// The members who changed an article in the draft's versions so far (by eid), and the article's
/// label in the latest version: who is told of a comment on it.
async function writersOf({ db, t }: Engine, draftId: string, articleEid: string, members: string[]): Promise<{ userIds: string[]; label: string | null }> {
  const rows = await db
    .select({ authors: t.draftVersionArticles.authors, label: t.draftVersionArticles.label })
    .from(t.draftVersionArticles)
    .innerJoin(t.draftVersions, eq(t.draftVersions.id, t.draftVersionArticles.versionId))
    .where(and(eq(t.draftVersions.draftId, draftId), eq(t.draftVersionArticles.eid, articleEid)))
    .orderBy(desc(t.draftVersions.seq));
  const writers = new Set(rows.flatMap((r) => r.authors));
  return { userIds: members.filter((m) => writers.has(m)), label: rows[0]?.label ?? null };
}

/// Adds a comment (editors and reviewers of the bill); a reply joins its thread's article. The
/// members who changed that article in an earlier version hear of it in their inbox. Audited.
/// Runs on either engine.
export async function addDraftComment(engine: Engine, actor: CurrentUser | null, draftId: string, input: unknown): Promise<DraftCommentView> {
  const bill = await commentable(engine, actor, draftId);
  const { draftComments } = engine.t;
  const data = parseInput(newDraftCommentSchema, input);
  let articleEid = data.articleEid;
  if (data.parentId) {
    const [parent] = await engine.db.select().from(draftComments).where(and(eq(draftComments.id, data.parentId), eq(draftComments.draftId, draftId)));
    if (!parent) throw new AppError('not_found', 'comment_not_found');
    articleEid = parent.articleEid;
  }
  const row = { id: crypto.randomUUID(), draftId, articleEid, parentId: data.parentId ?? null, authorId: actor!.id, body: data.body, createdAt: new Date() };
  const writers = await writersOf(engine, draftId, articleEid, bill.members.map((m) => m.userId).filter((id) => id !== actor!.id));
  await withTransaction(engine, async (tx) => {
    await tx.db.insert(draftComments).values(row);
    await appendAudit(tx, { actorId: actor!.id, action: 'comment.add', targetType: 'draft_comment', targetId: row.id, detail: { draftId, billId: bill.id, articleEid, parentId: row.parentId } }, row.createdAt);
    await sendNotice(tx, { userIds: writers.userIds, billId: bill.id, kind: 'article_commented', detail: { article: writers.label ?? articleEid, by: actor!.name } }, row.createdAt);
  });
  return { id: row.id, articleEid, parentId: row.parentId, authorName: actor!.name, body: row.body, resolved: false, createdAt: row.createdAt.toISOString() };
}

/// Resolves or reopens a thread (its root comment); audited. Runs on either engine.
export async function resolveDraftComment(engine: Engine, actor: CurrentUser | null, draftId: string, commentId: string, resolved: boolean): Promise<void> {
  await commentable(engine, actor, draftId);
  const { draftComments } = engine.t;
  const [row] = await engine.db.select().from(draftComments).where(and(eq(draftComments.id, commentId), eq(draftComments.draftId, draftId)));
  if (!row) throw new AppError('not_found', 'comment_not_found');
  await withTransaction(engine, async (tx) => {
    await tx.db.update(draftComments).set({ resolvedAt: resolved ? new Date() : null, resolvedBy: resolved ? actor!.id : null }).where(eq(draftComments.id, commentId));
    await appendAudit(tx, { actorId: actor!.id, action: resolved ? 'comment.resolve' : 'comment.reopen', targetType: 'draft_comment', targetId: commentId });
  });
}
