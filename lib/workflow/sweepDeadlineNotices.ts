import { bills } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import { notify } from '@/lib/inbox';
import { todayInChina } from '@/lib/shared';
import { billDeadlines } from './billDeadlines';
import { memberIdsOf } from './memberIdsOf';
import { isClosedStage } from './paths';

/// Tells the members of every open bill about deadlines within seven days, and again once a
/// deadline has passed (a consultation's closing day is never overdue: the consultation closes
/// on it, and a closed one has no deadline left); each notice once per person (the inbox dedupes on bill, deadline and
/// kind). Run when inboxes and the dashboard are read. Returns how many deadlines were near.
export function sweepDeadlineNotices(db: Db = getDatabase(), now: Date = new Date()): number {
  const today = todayInChina(now);
  let near = 0;
  for (const b of db.select().from(bills).all()) {
    if (isClosedStage(b.stage)) continue;
    const due = billDeadlines(db, b, today).filter((d) => d.daysLeft <= 7);
    if (due.length === 0) continue;
    const members = memberIdsOf(db, b.id);
    db.transaction((tx) => {
      for (const d of due) {
        near++;
        const kind = d.overdue ? 'deadline_overdue' : 'deadline_near';
        notify(tx, { userIds: members, billId: b.id, kind, detail: { deadline: d.kind, dueOn: d.dueOn }, dedupeKey: `${kind}:${b.id}:${d.kind}:${d.dueOn}` }, now);
      }
    });
  }
  return near;
}
