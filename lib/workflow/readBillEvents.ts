import { asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Engine } from '@/db/engine';

/// Everything that has happened to a bill on its way, oldest first: its moves with who made
/// them, the sign-offs asked and given, the votes and the files kept with it. Either engine.
export async function readBillEvents({ db, t }: Engine, billId: string) {
  // Aliases of the users table for the two people of a sign-off. (Built with SQLite's `alias`,
  // which only renames the table in the SQL it writes: the same on PostgreSQL.)
  const reviewer = alias(t.users, 'reviewer');
  const requester = alias(t.users, 'requester');
  const moves = await db
    .select({ m: t.billTransitions, actorName: t.users.name })
    .from(t.billTransitions)
    .leftJoin(t.users, eq(t.users.id, t.billTransitions.actorId))
    .where(eq(t.billTransitions.billId, billId))
    .orderBy(asc(t.billTransitions.seq));
  const history = moves.map(({ m, actorName }) => ({ id: m.id, seq: m.seq, at: m.at.toISOString(), actor: actorName, from: m.fromStage, to: m.toStage, note: m.note, reason: m.reason, versionId: m.versionId, consultationId: m.consultationId }));
  const signoffs = (
    await db
      .select({ s: t.billSignoffs, reviewerName: reviewer.name, requesterName: requester.name })
      .from(t.billSignoffs)
      .innerJoin(reviewer, eq(reviewer.id, t.billSignoffs.reviewerId))
      .leftJoin(requester, eq(requester.id, t.billSignoffs.requestedBy))
      .where(eq(t.billSignoffs.billId, billId))
      .orderBy(asc(t.billSignoffs.requestedAt))
  ).map(({ s, reviewerName, requesterName }) => ({ ...s, reviewerName, requesterName }));
  const a = t.billAttachments;
  const attachments = (
    await db
      .select({ id: a.id, name: a.name, mediaType: a.mediaType, size: a.size, sha256: a.sha256, transitionId: a.transitionId, at: a.at })
      .from(a)
      .where(eq(a.billId, billId))
      .orderBy(asc(a.at))
  ).map((row) => ({ ...row, at: row.at.toISOString() }));
  const votes = await db.select().from(t.billVotes).where(eq(t.billVotes.billId, billId)).orderBy(asc(t.billVotes.at), asc(t.billVotes.id));
  return { history, signoffs, votes, attachments };
}
