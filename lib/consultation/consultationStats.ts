import { and, count, eq, ne, sql } from 'drizzle-orm';
import { commentDispositions, consultationComments } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import type { CurrentUser } from '@/lib/auth';
import { eachDay, todayInChina } from '@/lib/shared';
import { dispositions, type Disposition } from './types';
import { authorizeConsultationStaff } from './authorizeConsultationStaff';
import { versionArticles } from './versionArticles';
import { type CommentStatus } from '@/lib/shared/vocabulary';
import { withDisposition } from './commentColumns';

/// The numbers of a consultation for its staff: the heat map (non-rejected comments per article,
/// every article of the version in text order, the draft as a whole first with eid and label
/// null), comments received per China day over the period so far, dispositions of the
/// non-rejected comments, and comments per moderation status.
export type ConsultationStats = {
  byArticle: { eid: string | null; label: string | null; count: number }[];
  byDay: { date: string; count: number }[];
  byDisposition: Record<Disposition | 'undecided', number>;
  byStatus: Record<CommentStatus, number>;
};

const chinaDay = sql<string>`date((${consultationComments.createdAt} + 28800000) / 1000, 'unixepoch')`;

/// Counts what the staff dashboard of a consultation shows, for members of the bill (and admins).
export async function consultationStats(actor: CurrentUser | null, consultationId: string, db: Db = getDatabase(), now: Date = new Date()): Promise<ConsultationStats> {
  const { consultation } = await authorizeConsultationStaff(actor, consultationId, 'bill:view', 'consultation_not_found', db);
  const mine = eq(consultationComments.consultationId, consultationId);
  const kept = and(mine, ne(consultationComments.status, 'rejected'));

  const perArticle = new Map(
    db.select({ eid: consultationComments.articleEid, n: count() }).from(consultationComments).where(kept).groupBy(consultationComments.articleEid).all().map((r) => [r.eid, r.n]),
  );
  const byArticle = [
    { eid: null, label: null, count: perArticle.get(null) ?? 0 },
    ...versionArticles(db, consultation.versionId).list.map((a) => ({ eid: a.eid, label: a.label, count: perArticle.get(a.eid) ?? 0 })),
  ];

  const perDay = new Map(db.select({ day: chinaDay, n: count() }).from(consultationComments).where(mine).groupBy(chinaDay).all().map((r) => [r.day, r.n]));
  const today = todayInChina(now);
  const last = today < consultation.closesOn ? today : consultation.closesOn;
  const span = [...eachDay(consultation.opensOn, last)];
  const byDay = [...new Set([...span, ...perDay.keys()])].sort().map((date) => ({ date, count: perDay.get(date) ?? 0 }));

  const byDisposition = Object.fromEntries([...dispositions, 'undecided'].map((d) => [d, 0])) as ConsultationStats['byDisposition'];
  for (const r of db
    .select({ d: commentDispositions.disposition, n: count() })
    .from(consultationComments)
    .leftJoin(...withDisposition)
    .where(kept)
    .groupBy(commentDispositions.disposition)
    .all()) {
    byDisposition[r.d ?? 'undecided'] = r.n;
  }

  const byStatus: ConsultationStats['byStatus'] = { pending: 0, published: 0, rejected: 0 };
  for (const r of db.select({ s: consultationComments.status, n: count() }).from(consultationComments).where(mine).groupBy(consultationComments.status).all()) byStatus[r.s] = r.n;

  return { byArticle, byDay, byDisposition, byStatus };
}
