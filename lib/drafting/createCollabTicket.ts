import { getDatabase, type Db } from '@/db/client';
import { can } from '@/lib/auth';
import type { CurrentUser } from '@/lib/auth';
import { getBillOfDraft } from './getBill';
import { issueCollabTicket } from './collabTicket';

/// A ticket for a member to open a draft's collaboration socket once, within a minute, with the
/// access it will get; it belongs to `sessionId` (the session asking) and dies with it.
export function createCollabTicket(actor: CurrentUser | null, draftId: string, db: Db = getDatabase(), sessionId: string | null = null) {
  const bill = getBillOfDraft(actor, draftId, db);
  const { ticket, expiresAt } = issueCollabTicket(db, draftId, actor!.id, new Date(), sessionId);
  return { room: draftId, ticket, expiresAt: expiresAt.toISOString(), access: can(actor, 'draft:edit', bill.resource) ? ('write' as const) : ('read' as const) };
}
