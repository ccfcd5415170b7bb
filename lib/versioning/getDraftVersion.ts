import { and, asc, eq } from 'drizzle-orm';
import { draftVersionArticles, draftVersions, users } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import type { CurrentUser } from '@/lib/auth';
import { getBillOfDraft } from '@/lib/drafting';
import { AppError } from '@/lib/errors';
import type { ParseJson } from '@/lib/legal-text';
import { namesOfUsers } from './namesOfUsers';
import { sqliteEngine } from '@/db/engine';

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
/// version of another draft.
export async function getDraftVersion(actor: CurrentUser | null, draftId: string, versionId: string, db: Db = getDatabase()): Promise<DraftVersionDetail> {
  await getBillOfDraft(sqliteEngine(db), actor, draftId);
  const row = db
    .select({ v: draftVersions, createdByName: users.name })
    .from(draftVersions)
    .leftJoin(users, eq(users.id, draftVersions.createdBy))
    .where(and(eq(draftVersions.id, versionId), eq(draftVersions.draftId, draftId)))
    .get();
  if (!row) throw new AppError('not_found', 'version_not_found');
  const { v } = row;
  const articles = db.select().from(draftVersionArticles).where(eq(draftVersionArticles.versionId, v.id)).orderBy(asc(draftVersionArticles.position)).all();
  const names = namesOfUsers(db, articles.flatMap((a) => a.authors));
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
