import { createHash } from 'node:crypto';
import type { Engine } from '@/db/engine';
import { withTransaction } from '@/db/withTransaction';
import { appendAudit } from '@/lib/audit';
import { can, type CurrentUser } from '@/lib/auth';
import { getBill, lockBill } from '@/lib/drafting';
import { AppError } from '@/lib/errors';
import { sendNotice } from '@/lib/inbox';
import { parseInput } from '@/lib/shared';
import { appendTransitionOn, membersToTell } from '@/lib/workflow';
import { buildFilingPackage, findPromulgation } from './buildFilingPackage';
import { filingSchema, type FilingInput } from './schemas';

/// Records the filing (备案) of a published bill at `filing`, for its coordinator or an admin:
/// the day (not before promulgation) and the bodies filed with. The package is built now and
/// kept exactly as filed, with its SHA-256; the bill moves on to its end, which stops the 30-day
/// clock; one audit entry and the members' notices, all in one transaction. The package is built
/// before it (it renders files, which no SQLite transaction may wait for); the move from 备案
/// compares the stage it finds, so of two filings at once the second is refused (`stage_changed`).
export async function recordFiling(engine: Engine, actor: CurrentUser | null, billId: string, input: FilingInput | unknown, now: Date = new Date()): Promise<{ packageSha256: string }> {
  const bill = await getBill(engine, actor, billId);
  if (!can(actor, 'bill:transition', bill.resource)) throw new AppError('forbidden', 'publish_forbidden');
  const data = parseInput(filingSchema, input);
  if (bill.stage !== 'filing') throw new AppError('conflict', 'not_at_filing', { details: { stage: bill.stage } });
  const p = await findPromulgation(engine, billId);
  if (!p) throw new AppError('conflict', 'not_published');
  if (data.filedOn < p.promulgatedOn) throw new AppError('validation_failed', 'filed_before_promulgation', { details: { fields: [{ path: 'filedOn', message: 'filed_before_promulgation' }] } });
  const { zip } = await buildFilingPackage(engine, p);
  const packageSha256 = createHash('sha256').update(zip).digest('hex');
  await withTransaction(engine, async (tx) => {
    await lockBill(tx, billId);
    await appendTransitionOn(tx, { billId, from: 'filing', to: 'done', note: `已报送备案：${data.bodies.join('、')}`, actorId: actor!.id, at: now });
    await tx.db
      .insert(tx.t.filings)
      .values({ billId, promulgationId: p.id, filedOn: data.filedOn, bodies: data.bodies, packageSha256, package: Buffer.from(zip), recordedBy: actor!.id, recordedAt: now });
    await appendAudit(tx, { actorId: actor!.id, action: 'bill.file', targetType: 'bill', targetId: billId, detail: { billId, filedOn: data.filedOn, bodies: data.bodies, packageSha256 } }, now);
    await sendNotice(tx, { userIds: await membersToTell(tx, billId, actor!.id), billId, kind: 'stage_changed', detail: { from: 'filing', to: 'done', by: actor!.name } }, now);
  });
  return { packageSha256 };
}
