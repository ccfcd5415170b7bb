import { and, count, eq, ne, sql } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
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

// The China date (UTC+8, no daylight saving) a comment arrived on, as YYYY-MM-DD: from SQLite's
// milliseconds, and from PostgreSQL's timestamptz.
function chinaDayOf(engine: Engine) {
  const at = engine.t.consultationComments.createdAt;
  return engine.kind === 'sqlite'
    ? sql<string>`date((${at} + 28800000) / 1000, 'unixepoch')`
    : sql<string>`to_char(${at} at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`;
}

/// Counts what the staff dashboard of a consultation shows, for members of the bill (and admins).
export async function consultationStats(engine: Engine, actor: CurrentUser | null, consultationId: string, now: Date = new Date()): Promise<ConsultationStats> {
  const { consultation } = await authorizeConsultationStaff(engine, actor, consultationId, 'bill:view', 'consultation_not_found');
  const { db, t } = engine;
  const { consultationComments, commentDispositions } = t;
  const mine = eq(consultationComments.consultationId, consultationId);
  const kept = and(mine, ne(consultationComments.status, 'rejected'));

  const perArticle = new Map(
    (await db.select({ eid: consultationComments.articleEid, n: count() }).from(consultationComments).where(kept).groupBy(consultationComments.articleEid)).map((r) => [r.eid, r.n]),
  );
  const byArticle = [
    { eid: null, label: null, count: perArticle.get(null) ?? 0 },
    ...(await versionArticles(engine, consultation.versionId)).list.map((a) => ({ eid: a.eid, label: a.label, count: perArticle.get(a.eid) ?? 0 })),
  ];

  const chinaDay = chinaDayOf(engine);
  const perDay = new Map((await db.select({ day: chinaDay, n: count() }).from(consultationComments).where(mine).groupBy(chinaDay)).map((r) => [r.day, r.n]));
  const today = todayInChina(now);
  const last = today < consultation.closesOn ? today : consultation.closesOn;
  const span = [...eachDay(consultation.opensOn, last)];
  const byDay = [...new Set([...span, ...perDay.keys()])].sort().map((date) => ({ date, count: perDay.get(date) ?? 0 }));

  const byDisposition = Object.fromEntries([...dispositions, 'undecided'].map((d) => [d, 0])) as ConsultationStats['byDisposition'];
  const decided = await db
    .select({ d: commentDispositions.disposition, n: count() })
    .from(consultationComments)
    .leftJoin(...withDisposition(t))
    .where(kept)
    .groupBy(commentDispositions.disposition);
  for (const r of decided) byDisposition[r.d ?? 'undecided'] = r.n;

  const byStatus: ConsultationStats['byStatus'] = { pending: 0, published: 0, rejected: 0 };
  for (const r of await db.select({ s: consultationComments.status, n: count() }).from(consultationComments).where(mine).groupBy(consultationComments.status)) byStatus[r.s] = r.n;

  return { byArticle, byDay, byDisposition, byStatus };
}
