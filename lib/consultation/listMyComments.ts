import { desc, eq, sql } from 'drizzle-orm';
import { commentDispositions, consultationComments, consultations } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import type { CurrentUser } from '@/lib/auth';
import { AppError } from '@/lib/errors';
import { dispositionView } from './dispositionView';
import type { MyComment } from './types';
import { versionArticles } from './versionArticles';
import { withDisposition } from './commentColumns';

/// The signed-in person's own comments, newest first, with what happened to each: the moderation
/// outcome with its reason, and the disposition as soon as the staff record it (the public see it
/// only with the report).
export function listMyComments(actor: CurrentUser | null, db: Db = getDatabase()): MyComment[] {
  if (!actor) throw new AppError('unauthenticated', 'unauthenticated');
  return db
    .select({
      c: consultationComments,
      title: consultations.title,
      versionId: consultations.versionId,
      disposition: commentDispositions.disposition,
      reason: commentDispositions.reason,
      decidedAt: commentDispositions.decidedAt,
    })
    .from(consultationComments)
    .innerJoin(consultations, eq(consultations.id, consultationComments.consultationId))
    .leftJoin(...withDisposition)
    .where(eq(consultationComments.authorId, actor.id))
    .orderBy(desc(consultationComments.createdAt), desc(sql`consultation_comments.rowid`))
    .all()
    .map(({ c, title, versionId, ...d }) => ({
      id: c.id,
      reference: c.reference,
      consultationId: c.consultationId,
      consultationTitle: title,
      articleLabel: c.articleEid ? (versionArticles(db, versionId).labels.get(c.articleEid) ?? null) : null,
      body: c.body,
      status: c.status,
      rejectReason: c.rejectReason,
      createdAt: c.createdAt.toISOString(),
      disposition: dispositionView(d),
    }));
}
