import type { Engine } from '@/db/engine';
import type { CurrentUser } from '@/lib/auth';
import { getDraftText, type BillDetail } from '@/lib/drafting';
import { readRegulationVersions } from '@/lib/library';
import { readBillRecord } from '@/lib/workflow';
import { defaultEnactingBody } from './defaultEnactingBody';

/// What publishing a bill starts from, for the publication itself and for its form: the bill's
/// record, the regulation it amends with its latest text, the draft's text and the final text (an
/// amendment keeps the regulation's title; the draft's title line is the bill's name), and the
/// defaults a 公告 takes when they are not given — the issuing body, adoption on the day of the
/// passing vote (else on entering 公布), approval on entering 公布 (local regulations only). Either engine.
export async function billToPublish(engine: Engine, actor: CurrentUser | null, bill: Pick<BillDetail, 'id' | 'kind' | 'draftId' | 'regulationId'>) {
  const record = await readBillRecord(engine, bill.id);
  const amended = bill.regulationId ? await readRegulationVersions(engine, bill.regulationId) : null;
  const inForce = amended?.versions.at(-1) ?? null;
  const draftText = await getDraftText(engine, actor, bill.draftId);
  const finalText = inForce ? { ...draftText, title: inForce.title } : draftText;
  const needsApproval = bill.kind === 'local_regulation';
  const defaults = {
    enactingBody: defaultEnactingBody(bill.kind, finalText.title, amended?.regulation.enactingBody),
    adoptedOn: record.passedVoteOn ?? record.enteredOn.promulgation ?? null,
    approvedOn: needsApproval ? (record.enteredOn.promulgation ?? null) : null,
  };
  return { record, amended, inForce, draftText, finalText, needsApproval, defaults };
}
