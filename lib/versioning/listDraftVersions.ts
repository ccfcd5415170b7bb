import { count, desc, eq, sql } from 'drizzle-orm';
import { draftVersionArticles, draftVersions, users } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import type { CurrentUser } from '@/lib/auth';
import { getBillOfDraft } from '@/lib/drafting';
import { sqliteEngine } from '@/db/engine';

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
export async function listDraftVersions(actor: CurrentUser | null, draftId: string, db: Db = getDatabase()): Promise<DraftVersionSummary[]> {
  await getBillOfDraft(sqliteEngine(db), actor, draftId);
  const counts = new Map(
    db
      .select({
        versionId: draftVersionArticles.versionId,
        articles: count(),
        changed: sql<number>`sum(case when ${draftVersionArticles.change} = 'unchanged' then 0 else 1 end)`,
      })
      .from(draftVersionArticles)
      .innerJoin(draftVersions, eq(draftVersions.id, draftVersionArticles.versionId))
      .where(eq(draftVersions.draftId, draftId))
      .groupBy(draftVersionArticles.versionId)
      .all()
      .map((c) => [c.versionId, c]),
  );
  return db
    .select({
      id: draftVersions.id,
      seq: draftVersions.seq,
      name: draftVersions.name,
      note: draftVersions.note,
      kind: draftVersions.kind,
      reason: draftVersions.reason,
      createdAt: draftVersions.createdAt,
      createdById: draftVersions.createdBy,
      createdByName: users.name,
    })
    .from(draftVersions)
    .leftJoin(users, eq(users.id, draftVersions.createdBy))
    .where(eq(draftVersions.draftId, draftId))
    .orderBy(desc(draftVersions.seq))
    .all()
    .map((v) => ({ ...v, articles: counts.get(v.id)?.articles ?? 0, changed: Number(counts.get(v.id)?.changed ?? 0) }));
}
