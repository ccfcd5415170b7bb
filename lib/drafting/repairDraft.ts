import * as Y from 'yjs';
import { eq } from 'drizzle-orm';
import { drafts } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import { recordAudit } from '@/lib/audit';
import { draftFragmentName, repairDraftFragment } from '@/lib/editor';
import { AppError } from '@/lib/errors';
import { appendDraftUpdate } from './appendDraftUpdate';
import { loadDraftState } from './loadDraftState';
import { draftDocOfState } from './readDraftDoc';

/// What repairing a draft did: each change in plain words (empty when nothing needed repair) and
/// the `draft_updates` row that holds it (null when nothing was written).
export type DraftRepair = { changes: string[]; updateId: number | null };

/// Makes a stored draft fit the editor's schema again, for an operator (`lawbench draft repair`)
/// mending a draft damaged before the collaboration server checked updates: its Yjs document is
/// rebuilt from the database, `repairDraftFragment` drops or mends what the schema rejects, and
/// the repair is appended as one ordinary Yjs update (so every copy of the draft, in a browser or
/// in a collaboration server that loads it later, converges on it) with an audit entry
/// `draft.repair` naming the changes, in one immediate transaction. Throws `not_found` for an
/// unknown draft.
export function repairDraft(draftId: string, db: Db = getDatabase(), now: Date = new Date()): DraftRepair {
  return db.transaction(
    (tx) => {
      const state = loadDraftState(tx, draftId);
      if (!state) throw new AppError('not_found', 'draft_not_found');
      const doc = draftDocOfState(state);
      try {
        const before = Y.encodeStateVector(doc);
        const changes = repairDraftFragment(doc.getXmlFragment(draftFragmentName));
        if (changes.length === 0) return { changes, updateId: null };
        const updateId = appendDraftUpdate(db, { draftId, update: Y.encodeStateAsUpdate(doc, before), userId: null }, now);
        const billId = tx.select({ billId: drafts.billId }).from(drafts).where(eq(drafts.id, draftId)).get()!.billId;
        recordAudit(tx, { actorId: null, action: 'draft.repair', targetType: 'draft', targetId: draftId, detail: { billId, by: 'console', updateId, changes } }, now);
        return { changes, updateId };
      } finally {
        doc.destroy();
      }
    },
    { behavior: 'immediate' },
  );
}
