import { and, asc, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { draftComments, draftVersionArticles, draftVersions, users } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import { recordAudit } from '@/lib/audit';
import { can } from '@/lib/auth';
import { parseInput } from '@/lib/shared';
import type { CurrentUser } from '@/lib/auth';
import { AppError } from '@/lib/errors';
import { notify } from '@/lib/inbox';
import { getBillOfDraft } from './getBill';

/// Body of a new staff comment: on an article (by eid), optionally replying to a thread.
export const newDraftCommentSchema = z.object({
  articleEid: z.string().min(1).max(120),
  body: z.string().trim().min(1, { message: 'comment_empty' }).max(5000, { message: 'comment_too_long' }),
  parentId: z.string().max(60).optional(),
});

/// A staff comment as the margin shows it.
export type DraftCommentView = { id: string; articleEid: string; parentId: string | null; authorName: string | null; body: string; resolved: boolean; createdAt: string };

function commentable(actor: CurrentUser | null, draftId: string, db: Db) {
  const bill = getBillOfDraft(actor, draftId, db);
  if (!can(actor, 'draft:comment', bill.resource)) throw new AppError('forbidden', 'forbidden');
  return bill;
}

/// Every staff comment of a draft, oldest first (members only).
export function listDraftComments(actor: CurrentUser | null, draftId: string, db: Db = getDatabase()): DraftCommentView[] {
  getBillOfDraft(actor, draftId, db);
  return db
    .select({ c: draftComments, authorName: users.name })
    .from(draftComments)
    .leftJoin(users, eq(users.id, draftComments.authorId))
    .where(eq(draftComments.draftId, draftId))
    .orderBy(asc(draftComments.createdAt))
    .all()
    .map(({ c, authorName }) => ({ id: c.id, articleEid: c.articleEid, parentId: c.parentId, authorName, body: c.body, resolved: c.resolvedAt !== null, createdAt: c.createdAt.toISOString() }));
}

/// The members who changed an article in the draft's versions so far (by eid), and the article's
/// label in the latest version: who is told of a comment on it.
function writersOf(db: Db, draftId: string, articleEid: string, members: string[]): { userIds: string[]; label: string | null } {
  const rows = db
    .select({ authors: draftVersionArticles.authors, label: draftVersionArticles.label })
    .from(draftVersionArticles)
    .innerJoin(draftVersions, eq(draftVersions.id, draftVersionArticles.versionId))
    .where(and(eq(draftVersions.draftId, draftId), eq(draftVersionArticles.eid, articleEid)))
    .orderBy(desc(draftVersions.seq))
    .all();
  const writers = new Set(rows.flatMap((r) => r.authors));
  return { userIds: members.filter((m) => writers.has(m)), label: rows[0]?.label ?? null };
}

/// Adds a comment (editors and reviewers of the bill); a reply joins its thread's article. The
/// members who changed that article in an earlier version hear of it in their inbox. Audited.
export function addDraftComment(actor: CurrentUser | null, draftId: string, input: unknown, db: Db = getDatabase()): DraftCommentView {
  const bill = commentable(actor, draftId, db);
  const data = parseInput(newDraftCommentSchema, input);
  let articleEid = data.articleEid;
  if (data.parentId) {
    const parent = db.select().from(draftComments).where(and(eq(draftComments.id, data.parentId), eq(draftComments.draftId, draftId))).get();
    if (!parent) throw new AppError('not_found', 'comment_not_found');
    articleEid = parent.articleEid;
  }
  const row = { id: crypto.randomUUID(), draftId, articleEid, parentId: data.parentId ?? null, authorId: actor!.id, body: data.body, createdAt: new Date() };
  const writers = writersOf(db, draftId, articleEid, bill.members.map((m) => m.userId).filter((id) => id !== actor!.id));
  db.transaction((tx) => {
    tx.insert(draftComments).values(row).run();
    recordAudit(tx, { actorId: actor!.id, action: 'comment.add', targetType: 'draft_comment', targetId: row.id, detail: { draftId, billId: bill.id, articleEid, parentId: row.parentId } }, row.createdAt);
    notify(tx, { userIds: writers.userIds, billId: bill.id, kind: 'article_commented', detail: { article: writers.label ?? articleEid, by: actor!.name } }, row.createdAt);
  });
  return { id: row.id, articleEid, parentId: row.parentId, authorName: actor!.name, body: row.body, resolved: false, createdAt: row.createdAt.toISOString() };
}

/// Resolves or reopens a thread (its root comment); audited.
export function resolveDraftComment(actor: CurrentUser | null, draftId: string, commentId: string, resolved: boolean, db: Db = getDatabase()): void {
  commentable(actor, draftId, db);
  const row = db.select().from(draftComments).where(and(eq(draftComments.id, commentId), eq(draftComments.draftId, draftId))).get();
  if (!row) throw new AppError('not_found', 'comment_not_found');
  db.transaction((tx) => {
    tx.update(draftComments).set({ resolvedAt: resolved ? new Date() : null, resolvedBy: resolved ? actor!.id : null }).where(eq(draftComments.id, commentId)).run();
    recordAudit(tx, { actorId: actor!.id, action: resolved ? 'comment.resolve' : 'comment.reopen', targetType: 'draft_comment', targetId: commentId });
  });
}
