import { eq } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import { can } from '@/lib/auth';
import type { CurrentUser } from '@/lib/auth';
import { AppError } from '@/lib/errors';
import { issueCollabTicket } from './collabTicket';

/// A ticket for a member to open a draft's collaboration socket once, within a minute, with the
/// access it will get; it belongs to `sessionId` (the session asking) and dies with it. Checked
/// like getBillOfDraft: `draft_not_found` for no such draft, `bill_not_found` for someone who may
/// not see its bill. Runs on either engine.
export async function createCollabTicket(engine: Engine, actor: CurrentUser | null, draftId: string, sessionId: string | null = null) {
  if (!actor) throw new AppError('unauthenticated', 'unauthenticated');
  const { db, t } = engine;
  const [draft] = await db.select({ billId: t.drafts.billId }).from(t.drafts).where(eq(t.drafts.id, draftId));
  if (!draft) throw new AppError('not_found', 'draft_not_found');
  const members = await db.select({ userId: t.billMembers.userId, role: t.billMembers.role }).from(t.billMembers).where(eq(t.billMembers.billId, draft.billId));
  const bill = { type: 'bill' as const, members };
  if (!can(actor, 'bill:view', bill)) throw new AppError('not_found', 'bill_not_found');
  const { ticket, expiresAt } = await issueCollabTicket(engine, draftId, actor.id, new Date(), sessionId);
  return { room: draftId, ticket, expiresAt: expiresAt.toISOString(), access: can(actor, 'draft:edit', bill) ? ('write' as const) : ('read' as const) };
}
