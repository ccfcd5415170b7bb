import { eq } from 'drizzle-orm';
import { deskRecords } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import type { CurrentUser } from '@/lib/auth';
import { AppError } from '@/lib/errors';
import { createExplainer, submitExplainer } from '@/lib/explainers';
import { todayInChina } from '@/lib/shared';
import { getDeskRecord } from './deskRecords';

/// Turns a desk record into a public, anonymised 问答 — the question and the answer with the
/// provisions cited, never the facts — sent for review like any content. Refused while the text
/// seems to hold personal data, and for a record without an answer.
export function proposeQa(actor: CurrentUser | null, id: string, db: Db = getDatabase(), now: Date = new Date()): { explainerId: string } {
  const record = getDeskRecord(actor, id, db);
  if (record.explainerId) throw new AppError('conflict', 'desk_already_proposed', { details: { explainerId: record.explainerId } });
  if (!record.answer.trim()) throw new AppError('validation_failed', 'desk_answer_required', { details: { fields: [{ path: 'answer', message: 'desk_answer_required' }] } });
  if (record.warnings.length > 0) throw new AppError('conflict', 'desk_personal_data', { details: { kinds: record.warnings } });
  const cited = record.citations.map((c) => c.citation);
  const body = [`**问：**${record.question}`, `**答：**${record.answer}`, ...(cited.length ? [`依据：${cited.join('；')}。`] : [])].join('\n\n');
  const asOf = record.citations.map((c) => c.at).sort()[0] ?? todayInChina(now);
  const title = record.question.replace(/\s+/g, ' ').slice(0, 60);
  const { id: explainerId } = createExplainer(actor, { kind: 'qa', title, summary: '', body, topics: [], regulations: [...new Set(record.citations.map((c) => c.regulationId))], asOf }, db, now);
  submitExplainer(actor, explainerId, db, now);
  db.update(deskRecords).set({ explainerId, updatedAt: now }).where(eq(deskRecords.id, id)).run();
  return { explainerId };
}
