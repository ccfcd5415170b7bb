import { and, asc, eq } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import type { CurrentUser } from '@/lib/auth';
import { getBillOfDraft } from '@/lib/drafting';
import { AppError } from '@/lib/errors';
import type { ParseJson } from '@/lib/legal-text';
import { namesOfUsers } from './namesOfUsers';

/// Someone who changed an article (name null when the account no longer exists).
export type VersionAuthor = { id: string; name: string | null };

/// One version (稿) of a draft: what it is, its frozen text, and per article what changed since
/// the previous version and who changed it.
export type DraftVersionDetail = {
  id: string;
  draftId: string;
  seq: number;
  name: string;
  note: string | null;
  kind: 'manual' | 'frozen';
  reason: string | null;
  createdAt: Date;
  createdById: string | null;
  createdByName: string | null;
  lastUpdateId: number;
  text: ParseJson;
  articles: {
    position: number;
    eid: string;
    number: number;
    sub: number | null;
    label: string;
    headingPath: string[];
    change: 'added' | 'modified' | 'unchanged';
    authors: VersionAuthor[];
    changedAt: Date | null;
  }[];
};

/// A version of a draft, for the members of its bill; `version_not_found` for an unknown id or a
/// version of another draft. Either engine.
export async function getDraftVersion(engine: Engine, actor: CurrentUser | null, draftId: string, versionId: string): Promise<DraftVersionDetail> {
  const { db, t } = engine;
  await getBillOfDraft(engine, actor, draftId);
  const [row] = await db
    .select({ v: t.draftVersions, createdByName: t.users.name })
    .from(t.draftVersions)
    .leftJoin(t.users, eq(t.users.id, t.draftVersions.createdBy))
    .where(and(eq(t.draftVersions.id, versionId), eq(t.draftVersions.draftId, draftId)));
  if (!row) throw new AppError('not_found', 'version_not_found');
  const { v } = row;
  const articles = await db.select().from(t.draftVersionArticles).where(eq(t.draftVersionArticles.versionId, v.id)).orderBy(asc(t.draftVersionArticles.position));
  const names = await namesOfUsers(engine, articles.flatMap((a) => a.authors));
  return {
    id: v.id,
    draftId: v.draftId,
    seq: v.seq,
    name: v.name,
    note: v.note,
    kind: v.kind,
    reason: v.reason,
    createdAt: v.createdAt,
    createdById: v.createdBy,
    createdByName: row.createdByName,
    lastUpdateId: v.lastUpdateId,
    text: JSON.parse(v.structure) as ParseJson,
    articles: articles.map((a) => ({
      position: a.position,
      eid: a.eid,
      number: a.number,
      sub: a.sub,
      label: a.label,
      headingPath: a.headingPath,
      change: a.change,
      authors: a.authors.map((id) => ({ id, name: names.get(id) ?? null })),
      changedAt: a.changedAt,
    })),
  };
}
