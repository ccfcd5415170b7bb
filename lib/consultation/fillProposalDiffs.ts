import { and, eq, isNull } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import { withTransaction } from '@/db/withTransaction';
import type { DiffToken } from '@/lib/legal-text';
import { proposalDiff } from './proposalDiff';

type Proposal = { id: string; articleEid: string | null; proposedText: string | null; proposedDiff: DiffToken[] | null };

/// Comments read for showing, each with the stored word difference of its proposal. A row stored
/// before differences were kept with the comment gets its difference computed here, once: it is
/// written back, so the next reader only reads it. `texts` are the consulted version's article
/// texts by eid (`versionArticles`).
export async function fillProposalDiffs<R extends Proposal>(engine: Engine, rows: R[], texts: Map<string, string>): Promise<R[]> {
  const missing = rows.filter((r) => r.proposedDiff === null && r.proposedText && r.articleEid !== null && texts.has(r.articleEid));
  if (missing.length === 0) return rows;
  // Diffed before the transaction: on SQLite nothing but queries may run inside one.
  const filled = new Map(missing.map((r) => [r.id, proposalDiff(texts.get(r.articleEid!), r.proposedText)]));
  const { consultationComments } = engine.t;
  await withTransaction(engine, async (tx) => {
    for (const [id, diff] of filled) {
      await tx.db
        .update(consultationComments)
        .set({ proposedDiff: diff })
        .where(and(eq(consultationComments.id, id), isNull(consultationComments.proposedDiff)));
    }
  });
  return rows.map((r) => (filled.has(r.id) ? { ...r, proposedDiff: filled.get(r.id)! } : r));
}
