import { and, asc, eq } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import type { CurrentUser } from '@/lib/auth';
import { getBillOfDraft } from '@/lib/drafting';
import { AppError } from '@/lib/errors';
import type { VersionAuthor } from './getDraftVersion';
import { namesOfUsers } from './namesOfUsers';

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
/// disappeared. `draft_article_not_found` when no version of the draft has the eid. Either engine.
export async function getArticleHistory(engine: Engine, actor: CurrentUser | null, draftId: string, eid: string): Promise<ArticleHistoryEntry[]> {
  const { db, t } = engine;
  await getBillOfDraft(engine, actor, draftId);
  const rows = (
    await db
      .select({ a: t.draftVersionArticles })
      .from(t.draftVersionArticles)
      .innerJoin(t.draftVersions, eq(t.draftVersions.id, t.draftVersionArticles.versionId))
      .where(and(eq(t.draftVersions.draftId, draftId), eq(t.draftVersionArticles.eid, eid)))
      .orderBy(asc(t.draftVersionArticles.position))
  ).map((r) => r.a);
  if (rows.length === 0) throw new AppError('not_found', 'draft_article_not_found');
  const inVersion = new Map<string, (typeof rows)[number]>();
  // An eid duplicated within one version (pasted twice before the eid plugin ran): its first place.
  for (const r of rows) if (!inVersion.has(r.versionId)) inVersion.set(r.versionId, r);
  const versions = await db
    .select({ id: t.draftVersions.id, seq: t.draftVersions.seq, name: t.draftVersions.name, createdAt: t.draftVersions.createdAt })
    .from(t.draftVersions)
    .where(eq(t.draftVersions.draftId, draftId))
    .orderBy(asc(t.draftVersions.seq));
  const names = await namesOfUsers(engine, rows.flatMap((r) => r.authors));
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
