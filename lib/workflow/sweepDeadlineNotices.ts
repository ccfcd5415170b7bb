import type { Engine } from '@/db/engine';
import { withTransaction } from '@/db/withTransaction';
import { sendNotice } from '@/lib/inbox';
import { todayInChina } from '@/lib/shared';
import { billDeadlines } from './billDeadlines';
import { membersToTell } from './membersToTell';
import { isClosedStage } from './paths';

/// Tells the members of every open bill about deadlines within seven days, and again once a
/// deadline has passed (a consultation's closing day is never overdue: the consultation closes
/// on it, and a closed one has no deadline left); each notice once per person (the inbox dedupes
/// on bill, deadline and kind). Run when inboxes and the dashboard are read. Returns how many
/// deadlines were near. Either engine.
export async function sweepDeadlineNotices(engine: Engine, now: Date = new Date()): Promise<number> {
  const today = todayInChina(now);
  let near = 0;
  for (const b of await engine.db.select().from(engine.t.bills)) {
    if (isClosedStage(b.stage)) continue;
    const due = (await billDeadlines(engine, b, today)).filter((d) => d.daysLeft <= 7);
    if (due.length === 0) continue;
    const members = await membersToTell(engine, b.id);
    await withTransaction(engine, async (tx) => {
      for (const d of due) {
        near++;
        const kind = d.overdue ? 'deadline_overdue' : 'deadline_near';
        await sendNotice(tx, { userIds: members, billId: b.id, kind, detail: { deadline: d.kind, dueOn: d.dueOn }, dedupeKey: `${kind}:${b.id}:${d.kind}:${d.dueOn}` }, now);
      }
    });
  }
  return near;
}
