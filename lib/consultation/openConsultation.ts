import { and, eq, gte, lte } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import { withTransaction } from '@/db/withTransaction';
import { appendAudit, type AuditEventInput } from '@/lib/audit';
import { bumpLibraryGenerationOn } from '@/lib/library';
import { can } from '@/lib/auth';
import type { CurrentUser } from '@/lib/auth';
import { getBillOfDraft, lockBill, type BillDetail } from '@/lib/drafting';
import { AppError } from '@/lib/errors';
import { inclusiveDays, parseInput, todayInChina } from '@/lib/shared';
import { freezeDraftVersionOn } from '@/lib/versioning';
import { consultationPeriod, openConsultationSchema, type OpenConsultationInput } from './schemas';
/// Opens a public consultation (征求意见) on a draft, for the editors of its bill: on the version
/// given, or on the text as it stands now, frozen as a new version named 征求意见稿 whose reason
/// points back at the consultation. A bill has at most one consultation at a time (periods may
/// not overlap). Frozen, checked, written and audited in one transaction. Either engine.
export async function openConsultation(engine: Engine, actor: CurrentUser | null, draftId: string, input: OpenConsultationInput | unknown, now: Date = new Date()): Promise<{ id: string; versionId: string }> {
  const bill = await getBillOfDraft(engine, actor, draftId);
  return withTransaction(engine, (tx) => openConsultationIn(tx, actor, bill, input, now));
}

/// `openConsultation` for a bill already read, inside the caller's `withTransaction` (the move into
/// 征求意见 opens it inside its own).
export async function openConsultationIn(tx: Engine, actor: CurrentUser | null, bill: BillDetail, input: OpenConsultationInput | unknown, now: Date = new Date()): Promise<{ id: string; versionId: string }> {
  const plan = planOpening(actor, bill, input, now);
  // Two openings at once: the second waits here, then finds the first's period and overlaps it.
  await lockBill(tx, bill.id);
  const { db, t } = tx;
  const c = t.consultations;
  const [overlapping] = await db
    .select({ id: c.id })
    .from(c)
    .where(and(eq(c.billId, bill.id), lte(c.opensOn, plan.data.closesOn), gte(c.closesOn, plan.data.opensOn)))
    .limit(1);
  if (overlapping) throw new AppError('conflict', 'consultation_overlaps', { details: { consultationId: overlapping.id } });
  let versionId: string;
  if (plan.data.versionId) {
    const v = t.draftVersions;
    const [version] = await db.select({ id: v.id }).from(v).where(and(eq(v.id, plan.data.versionId), eq(v.draftId, bill.draftId)));
    if (!version) throw new AppError('not_found', 'version_not_found');
    versionId = version.id;
  } else {
    versionId = (await freezeDraftVersionOn(tx, actor, bill, plan.frozenVersion)).id;
  }
  await db.insert(t.consultations).values(plan.row(versionId));
  // The regulation page of the text being amended names the consultation: kept pages must go.
  if (bill.regulationId) await bumpLibraryGenerationOn(tx);
  await appendAudit(tx, plan.audit(versionId), now);
  return { id: plan.id, versionId };
}

/// What opening a consultation will write, once the actor may and the input is valid: the
/// consultation's row and audit entry (given the version it is on), and the version to freeze
/// when none is named.
function planOpening(actor: CurrentUser | null, bill: BillDetail, input: OpenConsultationInput | unknown, now: Date) {
  if (!can(actor, 'consultation:open', bill.resource)) throw new AppError('forbidden', 'consultation_forbidden');
  const data = parseInput(openConsultationSchema, input);
  if (data.opensOn < todayInChina(now)) {
    throw new AppError('validation_failed', 'consultation_opens_in_past', { details: { fields: [{ path: 'opensOn', message: 'consultation_opens_in_past' }] } });
  }
  const short = inclusiveDays(data.opensOn, data.closesOn) < consultationPeriod.normalDays;
  const id = crypto.randomUUID();
  const draftId = bill.draftId;
  return {
    id,
    data,
    frozenVersion: { name: '征求意见稿', kind: 'frozen' as const, reason: `consultation:${id}` },
    row: (versionId: string) => ({
      id,
      billId: bill.id,
      draftId,
      versionId,
      title: data.title || `${bill.title}（征求意见稿）`,
      description: data.description,
      explanation: data.explanation,
      questions: data.questions,
      opensOn: data.opensOn,
      closesOn: data.closesOn,
      // A reason is only asked for, and only kept, when the period is shorter than usual.
      shortReason: short ? data.shortReason! : null,
      moderation: data.moderation,
      createdBy: actor!.id,
      createdAt: now,
    }),
    audit: (versionId: string): AuditEventInput => ({
      actorId: actor!.id,
      action: 'consultation.open',
      targetType: 'consultation',
      targetId: id,
      detail: { billId: bill.id, draftId, versionId, frozen: !data.versionId, opensOn: data.opensOn, closesOn: data.closesOn, moderation: data.moderation, short },
    }),
  };
}
