import { asc, eq } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import { can, type CurrentUser } from '@/lib/auth';
import { AppError } from '@/lib/errors';
import { wordDiff, type DiffToken } from '@/lib/legal-text';
import { readExplainers } from './readExplainer';

/// One saved state of a piece of content and what it changed from the one before.
export interface RevisionEntry {
  seq: number;
  at: Date;
  author: string | null;
  title: string;
  /// The word-level difference of the body from the previous revision (all inserted for the first).
  tokens: DiffToken[];
}

/// Every revision of a piece of content with its difference, for its author and reviewers.
export async function listRevisions(engine: Engine, actor: CurrentUser | null, id: string): Promise<RevisionEntry[]> {
  const [row] = await readExplainers(engine, [id]);
  if (!row || !actor || (row.authorId !== actor.id && !can(actor, 'explainer:review'))) throw new AppError('not_found', 'explainer_not_found');
  const { explainerRevisions, users } = engine.t;
  const revisions = await engine.db
    .select({ seq: explainerRevisions.seq, at: explainerRevisions.at, author: users.name, title: explainerRevisions.title, body: explainerRevisions.body })
    .from(explainerRevisions)
    .leftJoin(users, eq(users.id, explainerRevisions.authorId))
    .where(eq(explainerRevisions.explainerId, id))
    .orderBy(asc(explainerRevisions.seq));
  return revisions.map((r, i) => ({ seq: r.seq, at: r.at!, author: r.author, title: r.title, tokens: wordDiff(i === 0 ? '' : revisions[i - 1].body, r.body) }));
}
