import type { Engine } from '@/db/engine';
import { insertTestAccount } from '@/lib/auth/testing';
import { createBill } from '@/lib/drafting';
import { openConsultation } from '../openConsultation';
import type { OpenConsultationInput } from '../schemas';
import { consultationText } from './consultationText';

export { consultationText };

/// Test support for the consultation workflow driven through its own functions: a bill created
/// from `consultationText`, a consultation opened on it with `openConsultation`, and accounts.

/// 10:00 on 1 March 2025 in China: the day the test consultations open.
export const openingDay = new Date('2025-03-01T02:00:00Z');

/// A bill from `consultationText` with an editor (王), a second editor (李), a reviewer member
/// (赵) and a drafter outside the bill, and a 30-day consultation (1–30 March 2025) opened on it
/// by 王 at `openingDay`, freezing the draft as 征求意见稿.
export async function openedConsultation(engine: Engine, input: Partial<OpenConsultationInput> = {}, now: Date = openingDay) {
  const editor = await insertTestAccount(engine, { role: 'drafter', name: '王起草' });
  const editor2 = await insertTestAccount(engine, { role: 'drafter', name: '李起草' });
  const reviewer = await insertTestAccount(engine, { role: 'reviewer', name: '赵审核' });
  const outsider = await insertTestAccount(engine, { role: 'drafter', name: '局外人' });
  const { id: billId, draftId } = await createBill(
    engine,
    editor,
    { title: '测试条例', kind: 'local_regulation', from: { text: consultationText }, members: [{ email: editor2.email, role: 'editor' }, { email: reviewer.email, role: 'reviewer' }] },
  );
  const { id: consultationId, versionId } = await openConsultation(engine, editor, draftId, { description: '欢迎社会各界提出意见。', explanation: '为了测试征求意见，起草本条例。', opensOn: '2025-03-01', closesOn: '2025-03-30', ...input }, now, );
  return { billId, draftId, consultationId, versionId, editor, editor2, reviewer, outsider };
}
