import { count, desc, eq, sql } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import type { CurrentUser } from '@/lib/auth';
import { getBillOfDraft } from '@/lib/drafting';

/// A version (稿) as the version list shows it.
export type DraftVersionSummary = {
  id: string;
  seq: number;
  name: string;
  note: string | null;
  kind: 'manual' | 'frozen';
  reason: string | null;
  createdAt: Date;
  createdById: string | null;
  createdByName: string | null;
  /// How many articles the version has, and how many of them were added or modified since the
  /// version before it.
  articles: number;
  changed: number;
};

/// Every version of a draft, newest first, for the members of its bill (`not_found` for others).
/// Either engine.
export async function listDraftVersions(engine: Engine, actor: CurrentUser | null, draftId: string): Promise<DraftVersionSummary[]> {
  const { db, t } = engine;
  await getBillOfDraft(engine, actor, draftId);
  const v = t.draftVersions;
  const a = t.draftVersionArticles;
  const counted = await db
    .select({ versionId: a.versionId, articles: count(), changed: sql<number>`sum(case when ${a.change} = 'unchanged' then 0 else 1 end)` })
    .from(a)
    .innerJoin(v, eq(v.id, a.versionId))
    .where(eq(v.draftId, draftId))
    .groupBy(a.versionId);
  const counts = new Map(counted.map((c) => [c.versionId, c]));
  const versions = await db
    .select({ id: v.id, seq: v.seq, name: v.name, note: v.note, kind: v.kind, reason: v.reason, createdAt: v.createdAt, createdById: v.createdBy, createdByName: t.users.name })
    .from(v)
    .leftJoin(t.users, eq(t.users.id, v.createdBy))
    .where(eq(v.draftId, draftId))
    .orderBy(desc(v.seq));
  // `sum` is a string on PostgreSQL (numeric), a number on SQLite.
  return versions.map((row) => ({ ...row, articles: counts.get(row.id)?.articles ?? 0, changed: Number(counts.get(row.id)?.changed ?? 0) }));
}
