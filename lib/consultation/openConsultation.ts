import { and, eq, gte, lte } from 'drizzle-orm';
import { consultations, draftVersions } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import { recordAudit } from '@/lib/audit';
import { bumpLibraryGeneration } from '@/lib/library';
import { can } from '@/lib/auth';
import { parseInput } from '@/lib/shared';
import type { CurrentUser } from '@/lib/auth';
import { getBillOfDraft, type BillDetail } from '@/lib/drafting';
import { AppError } from '@/lib/errors';
import { todayInChina } from '@/lib/shared';
import { freezeDraftVersion } from '@/lib/versioning';
import { inclusiveDays } from '@/lib/shared';
import { consultationPeriod, openConsultationSchema, type OpenConsultationInput } from './schemas';
import { sqliteEngine } from '@/db/engine';

/// Opens a public consultation (征求意见) on a draft, for the editors of its bill: on the version
/// given, or on the text as it stands now, frozen as a new version named 征求意见稿 whose reason
/// points back at the consultation. A bill has at most one consultation at a time (periods may
/// not overlap). Frozen, checked, written and audited in one immediate transaction.
export async function openConsultation(
  actor: CurrentUser | null,
  draftId: string,
  input: OpenConsultationInput | unknown,
  db: Db = getDatabase(),
  now: Date = new Date(),
): Promise<{ id: string; versionId: string }> {
  return openConsultationOn(actor, await getBillOfDraft(sqliteEngine(db), actor, draftId), input, db, now);
}

/// `openConsultation` for a bill already read, synchronously: for the move into 征求意见, which
/// opens it inside its own transaction. SQLite only.
export function openConsultationOn(actor: CurrentUser | null, bill: BillDetail, input: OpenConsultationInput | unknown, db: Db = getDatabase(), now: Date = new Date()): { id: string; versionId: string } {
  const draftId = bill.draftId;
  if (!can(actor, 'consultation:open', bill.resource)) throw new AppError('forbidden', 'consultation_forbidden');
  const data = parseInput(openConsultationSchema, input);
  if (data.opensOn < todayInChina(now)) {
    throw new AppError('validation_failed', 'consultation_opens_in_past', { details: { fields: [{ path: 'opensOn', message: 'consultation_opens_in_past' }] } });
  }
  const short = inclusiveDays(data.opensOn, data.closesOn) < consultationPeriod.normalDays;
  const id = crypto.randomUUID();
  return db.transaction(
    (tx) => {
      const overlapping = tx
        .select({ id: consultations.id })
        .from(consultations)
        .where(and(eq(consultations.billId, bill.id), lte(consultations.opensOn, data.closesOn), gte(consultations.closesOn, data.opensOn)))
        .get();
      if (overlapping) throw new AppError('conflict', 'consultation_overlaps', { details: { consultationId: overlapping.id } });
      let versionId: string;
      if (data.versionId) {
        const version = tx.select({ id: draftVersions.id }).from(draftVersions).where(and(eq(draftVersions.id, data.versionId), eq(draftVersions.draftId, draftId))).get();
        if (!version) throw new AppError('not_found', 'version_not_found');
        versionId = version.id;
      } else {
        // better-sqlite3 nests this transaction as a savepoint of ours: both commit or neither.
        versionId = freezeDraftVersion(actor, bill, { name: '征求意见稿', kind: 'frozen', reason: `consultation:${id}` }, db).id;
      }
      tx.insert(consultations)
        .values({
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
        })
        .run();
      // The regulation page of the text being amended names the consultation: kept pages must go.
      if (bill.regulationId) bumpLibraryGeneration(tx);
      recordAudit(
        tx,
        {
          actorId: actor!.id,
          action: 'consultation.open',
          targetType: 'consultation',
          targetId: id,
          detail: { billId: bill.id, draftId, versionId, frozen: !data.versionId, opensOn: data.opensOn, closesOn: data.closesOn, moderation: data.moderation, short },
        },
        now,
      );
      return { id, versionId };
    },
    { behavior: 'immediate' },
  );
}
