import { users } from '@/db/schema';
import type { Db } from '@/db/client';
import type { CurrentUser, Role } from '@/lib/auth/roles';
import { createBill } from '@/lib/drafting/createBill';
import { openConsultation } from '../openConsultation';
import type { OpenConsultationInput } from '../schemas';

/// Test support for the consultation workflow driven through its own functions: a bill created
/// from `consultationText`, a consultation opened on it with `openConsultation`, and accounts.

/// 总则 with 第一条–第三条 (第三条 has two 项), 附则 with 第四条.
export const consultationText = `测试条例

第一章　总则

第一条　为了测试，制定本条例。

第二条　本条例适用于本市。

第三条　有关部门应当履行下列职责：
（一）登记；
（二）检查。

第二章　附则

第四条　本条例自2025年1月1日起施行。`;

/// 10:00 on 1 March 2025 in China: the day the test consultations open.
export const openingDay = new Date('2025-03-01T02:00:00Z');

/// Inserts an account with a dummy password hash (nobody signs in with it).
export function addUser(db: Db, role: Role, name: string): CurrentUser {
  const user: CurrentUser = { id: crypto.randomUUID(), email: `${crypto.randomUUID()}@test.lawbench`, name, role };
  db.insert(users).values({ ...user, passwordHash: 'not-a-real-hash' }).run();
  return user;
}

/// A bill from `consultationText` with an editor (王), a second editor (李), a reviewer member
/// (赵) and a drafter outside the bill, and a 30-day consultation (1–30 March 2025) opened on it
/// by 王 at `openingDay`, freezing the draft as 征求意见稿.
export function openedConsultation(db: Db, input: Partial<OpenConsultationInput> = {}, now: Date = openingDay) {
  const editor = addUser(db, 'drafter', '王起草');
  const editor2 = addUser(db, 'drafter', '李起草');
  const reviewer = addUser(db, 'reviewer', '赵审核');
  const outsider = addUser(db, 'drafter', '局外人');
  const { id: billId, draftId } = createBill(
    editor,
    { title: '测试条例', kind: 'local_regulation', from: { text: consultationText }, members: [{ email: editor2.email, role: 'editor' }, { email: reviewer.email, role: 'reviewer' }] },
    db,
  );
  const { id: consultationId, versionId } = openConsultation(
    editor,
    draftId,
    { description: '欢迎社会各界提出意见。', explanation: '为了测试征求意见，起草本条例。', opensOn: '2025-03-01', closesOn: '2025-03-30', ...input },
    db,
    now,
  );
  return { billId, draftId, consultationId, versionId, editor, editor2, reviewer, outsider };
}
