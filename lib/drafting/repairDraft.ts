import * as Y from 'yjs';
import { eq } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import { withTransaction } from '@/db/withTransaction';
import { appendAudit } from '@/lib/audit';
import { draftFragmentName, repairDraftFragment } from '@/lib/editor';
import { AppError } from '@/lib/errors';
import { lockDraftState, storeDraftUpdate } from './draftStore';
import { draftDocOfState } from './readDraftDoc';

/// What repairing a draft did: each change in plain words (empty when nothing needed repair) and
/// the `draft_updates` row that holds it (null when nothing was written).
export type DraftRepair = { changes: string[]; updateId: number | null };

/// Makes a stored draft fit the editor's schema again, for an operator (`lawbench draft repair`)
/// mending a draft damaged before the collaboration server checked updates: its Yjs document is
/// rebuilt from the database, `repairDraftFragment` drops or mends what the schema rejects, and
/// the repair is appended as one ordinary Yjs update (so every copy of the draft, in a browser or
/// in a collaboration server that loads it later, converges on it) with an audit entry
/// `draft.repair` naming the changes, in one transaction, on either engine. Throws `not_found`
/// for an unknown draft.
export async function repairDraft(engine: Engine, draftId: string, now: Date = new Date()): Promise<DraftRepair> {
  return withTransaction(engine, async (tx) => {
    // The draft's row held (PostgreSQL) as a compaction holds it: no update folds in meanwhile.
    const state = await lockDraftState(tx, draftId);
    if (!state) throw new AppError('not_found', 'draft_not_found');
    const doc = draftDocOfState(state);
    try {
      const before = Y.encodeStateVector(doc);
      const changes = repairDraftFragment(doc.getXmlFragment(draftFragmentName));
      if (changes.length === 0) return { changes, updateId: null };
      const updateId = await storeDraftUpdate(tx, { draftId, update: Y.encodeStateAsUpdate(doc, before), userId: null }, now);
      const [{ billId }] = await tx.db.select({ billId: tx.t.drafts.billId }).from(tx.t.drafts).where(eq(tx.t.drafts.id, draftId));
      await appendAudit(tx, { actorId: null, action: 'draft.repair', targetType: 'draft', targetId: draftId, detail: { billId, by: 'console', updateId, changes } }, now);
      return { changes, updateId };
    } finally {
      doc.destroy();
    }
  });
}
