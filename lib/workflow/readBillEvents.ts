import { asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { billAttachments, billSignoffs, billTransitions, billVotes, users } from '@/db/schema';
import type { Db } from '@/db/client';

/// Everything that has happened to a bill on its way, oldest first: its moves with who made
/// them, the sign-offs asked and given, the votes and the files kept with it.
export function readBillEvents(db: Pick<Db, 'select'>, billId: string) {
  const reviewer = alias(users, 'reviewer');
  const requester = alias(users, 'requester');
  const history = db
    .select({ t: billTransitions, actorName: users.name })
    .from(billTransitions)
    .leftJoin(users, eq(users.id, billTransitions.actorId))
    .where(eq(billTransitions.billId, billId))
    .orderBy(asc(billTransitions.seq))
    .all()
    .map(({ t, actorName }) => ({ id: t.id, seq: t.seq, at: t.at.toISOString(), actor: actorName, from: t.fromStage, to: t.toStage, note: t.note, reason: t.reason, versionId: t.versionId, consultationId: t.consultationId }));
  const signoffs = db
    .select({ s: billSignoffs, reviewerName: reviewer.name, requesterName: requester.name })
    .from(billSignoffs)
    .innerJoin(reviewer, eq(reviewer.id, billSignoffs.reviewerId))
    .leftJoin(requester, eq(requester.id, billSignoffs.requestedBy))
    .where(eq(billSignoffs.billId, billId))
    .orderBy(asc(billSignoffs.requestedAt))
    .all()
    .map(({ s, reviewerName, requesterName }) => ({ ...s, reviewerName, requesterName }));
  const attachments = db
    .select({ id: billAttachments.id, name: billAttachments.name, mediaType: billAttachments.mediaType, size: billAttachments.size, sha256: billAttachments.sha256, transitionId: billAttachments.transitionId, at: billAttachments.at })
    .from(billAttachments)
    .where(eq(billAttachments.billId, billId))
    .orderBy(asc(billAttachments.at))
    .all()
    .map((a) => ({ ...a, at: a.at.toISOString() }));
  const votes = db.select().from(billVotes).where(eq(billVotes.billId, billId)).orderBy(asc(billVotes.at)).all();
  return { history, signoffs, votes, attachments };
}
