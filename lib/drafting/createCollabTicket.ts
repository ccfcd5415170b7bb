import { getDatabase, type Db } from '@/db/client';
import { can } from '@/lib/auth';
import type { CurrentUser } from '@/lib/auth';
import { getBillOfDraft } from './getBill';
import { issueCollabTicket } from './collabTicket';

/// A ticket for a member to open a draft's collaboration socket, with the access it will get.
export function createCollabTicket(actor: CurrentUser | null, draftId: string, db: Db = getDatabase()) {
  const bill = getBillOfDraft(actor, draftId, db);
  const { ticket, expiresAt } = issueCollabTicket(db, draftId, actor!.id);
  return { room: draftId, ticket, expiresAt: expiresAt.toISOString(), access: can(actor, 'draft:edit', bill.resource) ? ('write' as const) : ('read' as const) };
}
