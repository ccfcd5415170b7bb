import { createHash } from 'node:crypto';
import { filings } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import { recordAudit } from '@/lib/audit';
import { can, type CurrentUser } from '@/lib/auth';
import { getBill } from '@/lib/drafting';
import { AppError } from '@/lib/errors';
import { notify } from '@/lib/inbox';
import { parseInput } from '@/lib/shared';
import { appendTransition, memberIdsOf } from '@/lib/workflow';
import { buildFilingPackage, findPromulgation } from './buildFilingPackage';
import { filingSchema, type FilingInput } from './schemas';
import { sqliteEngine } from '@/db/engine';

/// Records the filing (备案) of a published bill at `filing`, for its coordinator or an admin:
/// the day (not before promulgation) and the bodies filed with. The package is built now and
/// kept exactly as filed, with its SHA-256; the bill moves on to its end, which stops the 30-day
/// clock; one audit entry and the members' notices, all in one transaction.
export async function recordFiling(actor: CurrentUser | null, billId: string, input: FilingInput | unknown, db: Db = getDatabase(), now: Date = new Date()): Promise<{ packageSha256: string }> {
  const bill = await getBill(sqliteEngine(db), actor, billId);
  if (!can(actor, 'bill:transition', bill.resource)) throw new AppError('forbidden', 'publish_forbidden');
  const data = parseInput(filingSchema, input);
  if (bill.stage !== 'filing') throw new AppError('conflict', 'not_at_filing', { details: { stage: bill.stage } });
  const p = findPromulgation(db, billId);
  if (!p) throw new AppError('conflict', 'not_published');
  if (data.filedOn < p.promulgatedOn) throw new AppError('validation_failed', 'filed_before_promulgation', { details: { fields: [{ path: 'filedOn', message: 'filed_before_promulgation' }] } });
  const { zip } = await buildFilingPackage(db, p);
  const packageSha256 = createHash('sha256').update(zip).digest('hex');
  db.transaction(
    (tx) => {
      appendTransition(tx, { billId, from: 'filing', to: 'done', note: `已报送备案：${data.bodies.join('、')}`, actorId: actor!.id, at: now });
      tx.insert(filings).values({ billId, promulgationId: p.id, filedOn: data.filedOn, bodies: data.bodies, packageSha256, package: Buffer.from(zip), recordedBy: actor!.id, recordedAt: now }).run();
      recordAudit(tx, { actorId: actor!.id, action: 'bill.file', targetType: 'bill', targetId: billId, detail: { billId, filedOn: data.filedOn, bodies: data.bodies, packageSha256 } }, now);
      notify(tx, { userIds: memberIdsOf(tx, billId, actor!.id), billId, kind: 'stage_changed', detail: { from: 'filing', to: 'done', by: actor!.name } }, now);
    },
    { behavior: 'immediate' },
  );
  return { packageSha256 };
}
