import { and, asc, eq } from 'drizzle-orm';
import { draftVersionArticles, draftVersions } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import type { CurrentUser } from '@/lib/auth';
import { getBillOfDraft } from '@/lib/drafting';
import { AppError } from '@/lib/errors';
import type { VersionAuthor } from './getDraftVersion';
import { namesOfUsers } from './namesOfUsers';
import { sqliteEngine } from '@/db/engine';

/// One step in the life of an article: its state in a version, or (`deleted`, with no number,
/// label or text) the first version after it in which it no longer exists.
export type ArticleHistoryEntry = {
  versionId: string;
  seq: number;
  versionName: string;
  createdAt: Date;
  change: 'added' | 'modified' | 'unchanged' | 'deleted';
  number: number | null;
  sub: number | null;
  label: string | null;
  headingPath: string[];
  text: string | null;
  authors: VersionAuthor[];
  changedAt: Date | null;
};

/// The history of one article (by eid) across the versions of a draft, oldest first, for the
/// members of its bill: how it read in each version, what changed and who changed it, and when it
/// disappeared. `draft_article_not_found` when no version of the draft has the eid.
export async function getArticleHistory(actor: CurrentUser | null, draftId: string, eid: string, db: Db = getDatabase()): Promise<ArticleHistoryEntry[]> {
  await getBillOfDraft(sqliteEngine(db), actor, draftId);
  const rows = db
    .select({ a: draftVersionArticles })
    .from(draftVersionArticles)
    .innerJoin(draftVersions, eq(draftVersions.id, draftVersionArticles.versionId))
    .where(and(eq(draftVersions.draftId, draftId), eq(draftVersionArticles.eid, eid)))
    .orderBy(asc(draftVersionArticles.position))
    .all()
    .map((r) => r.a);
  if (rows.length === 0) throw new AppError('not_found', 'draft_article_not_found');
  const inVersion = new Map<string, (typeof rows)[number]>();
  // An eid duplicated within one version (pasted twice before the eid plugin ran): its first place.
  for (const r of rows) if (!inVersion.has(r.versionId)) inVersion.set(r.versionId, r);
  const versions = db
    .select({ id: draftVersions.id, seq: draftVersions.seq, name: draftVersions.name, createdAt: draftVersions.createdAt })
    .from(draftVersions)
    .where(eq(draftVersions.draftId, draftId))
    .orderBy(asc(draftVersions.seq))
    .all();
  const names = namesOfUsers(db, rows.flatMap((r) => r.authors));
  const history: ArticleHistoryEntry[] = [];
  let present = false;
  for (const v of versions) {
    const a = inVersion.get(v.id);
    const base = { versionId: v.id, seq: v.seq, versionName: v.name, createdAt: v.createdAt };
    if (a) {
      history.push({
        ...base,
        change: a.change,
        number: a.number,
        sub: a.sub,
        label: a.label,
        headingPath: a.headingPath,
        text: a.text,
        authors: a.authors.map((id) => ({ id, name: names.get(id) ?? null })),
        changedAt: a.changedAt,
      });
    } else if (present) {
      history.push({ ...base, change: 'deleted', number: null, sub: null, label: null, headingPath: [], text: null, authors: [], changedAt: null });
    }
    present = !!a;
  }
  return history;
}
