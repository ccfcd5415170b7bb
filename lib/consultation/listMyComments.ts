import { desc, eq } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import type { CurrentUser } from '@/lib/auth';
import { AppError } from '@/lib/errors';
import { dispositionView } from './dispositionView';
import type { MyComment } from './types';
import { versionArticles } from './versionArticles';
import { dispositionColumns, sentTieBreak, withDisposition } from './commentColumns';

/// The signed-in person's own comments, newest first, with what happened to each: the moderation
/// outcome with its reason, and the disposition as soon as the staff record it (the public see it
/// only with the report).
export async function listMyComments(engine: Engine, actor: CurrentUser | null): Promise<MyComment[]> {
  if (!actor) throw new AppError('unauthenticated', 'unauthenticated');
  const { t } = engine;
  const rows = await engine.db
    .select({ c: t.consultationComments, title: t.consultations.title, versionId: t.consultations.versionId, ...dispositionColumns(t) })
    .from(t.consultationComments)
    .innerJoin(t.consultations, eq(t.consultations.id, t.consultationComments.consultationId))
    .leftJoin(...withDisposition(t))
    .where(eq(t.consultationComments.authorId, actor.id))
    .orderBy(desc(t.consultationComments.createdAt), desc(sentTieBreak(engine)));
  const labels = new Map<string, Map<string, string>>();
  for (const versionId of new Set(rows.map((r) => r.versionId))) labels.set(versionId, (await versionArticles(engine, versionId)).labels);
  return rows.map(({ c, title, versionId, ...d }) => ({
    id: c.id,
    reference: c.reference,
    consultationId: c.consultationId,
    consultationTitle: title,
    articleLabel: c.articleEid ? (labels.get(versionId)!.get(c.articleEid) ?? null) : null,
    body: c.body,
    status: c.status,
    rejectReason: c.rejectReason,
    createdAt: c.createdAt.toISOString(),
    disposition: dispositionView(d),
  }));
}
