import type { Engine } from '@/db/engine';
import { can } from '@/lib/auth';
import type { CurrentUser } from '@/lib/auth';
import { issueCollabTicket } from './collabTicket';
import { getBillOfDraft } from './getBill';

/// A ticket for a member to open a draft's collaboration socket once, within a minute, with the
/// access it will get; it belongs to `sessionId` (the session asking) and dies with it. Checked
/// by getBillOfDraft: `draft_not_found` for no such draft, `bill_not_found` for someone who may
/// not see its bill. Runs on either engine.
export async function createCollabTicket(engine: Engine, actor: CurrentUser | null, draftId: string, sessionId: string | null = null) {
  const bill = await getBillOfDraft(engine, actor, draftId);
  const { ticket, expiresAt } = await issueCollabTicket(engine, draftId, actor!.id, new Date(), sessionId);
  return { room: draftId, ticket, expiresAt: expiresAt.toISOString(), access: can(actor, 'draft:edit', bill.resource) ? ('write' as const) : ('read' as const) };
}
