import { eq } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import { withTransaction } from '@/db/withTransaction';
import type { CurrentUser } from '@/lib/auth';
import { AppError } from '@/lib/errors';
import { createExplainer, submitExplainer } from '@/lib/explainers';
import { todayInChina } from '@/lib/shared';
import { getDeskRecord, lockDeskRecord, type DeskRecordView } from './deskRecords';

/// Why a record cannot become a 问答 (yet): proposed already, no answer, personal data.
function refuseProposal(record: DeskRecordView): void {
  if (record.explainerId) throw new AppError('conflict', 'desk_already_proposed', { details: { explainerId: record.explainerId } });
  if (!record.answer.trim()) throw new AppError('validation_failed', 'desk_answer_required', { details: { fields: [{ path: 'answer', message: 'desk_answer_required' }] } });
  if (record.warnings.length > 0) throw new AppError('conflict', 'desk_personal_data', { details: { kinds: record.warnings } });
}

/// Turns a desk record into a public, anonymised 问答 — the question and the answer with the
/// provisions cited, never the facts — sent for review like any content. Refused while the text
/// seems to hold personal data, and for a record without an answer. The 问答 is written, sent for
/// review and linked to the record in one transaction, with the record held: proposed twice at
/// once, the second finds the first's 问答 and is refused.
export async function proposeQa(engine: Engine, actor: CurrentUser | null, id: string, now: Date = new Date()): Promise<{ explainerId: string }> {
  refuseProposal(await getDeskRecord(engine, actor, id));
  return withTransaction(engine, async (tx) => {
    const record = await lockDeskRecord(tx, id);
    refuseProposal(record);
    const cited = record.citations.map((c) => c.citation);
    const body = [`**问：**${record.question}`, `**答：**${record.answer}`, ...(cited.length ? [`依据：${cited.join('；')}。`] : [])].join('\n\n');
    const asOf = record.citations.map((c) => c.at).sort()[0] ?? todayInChina(now);
    const title = record.question.replace(/\s+/g, ' ').slice(0, 60);
    const { id: explainerId } = await createExplainer(tx, actor, { kind: 'qa', title, summary: '', body, topics: [], regulations: [...new Set(record.citations.map((c) => c.regulationId))], asOf }, now);
    await submitExplainer(tx, actor, explainerId, now);
    await tx.db.update(tx.t.deskRecords).set({ explainerId, updatedAt: now }).where(eq(tx.t.deskRecords.id, id));
    return { explainerId };
  });
}
