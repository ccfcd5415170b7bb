import { sqliteEngine } from '@/db/engine';
import type { Db } from '@/db/client';
import { insertTestUser } from '@/lib/auth/testing';
import { consultationText } from '@/lib/consultation/testing/consultationText';
import { createBill } from '@/lib/drafting';
import type { RegulationKind } from '@/lib/shared';
import { desc, eq } from 'drizzle-orm';
import { billTransitions } from '@/db/schema';
import { walkBill } from '@/lib/demo';
import type { BillStage } from '@/lib/shared';

/// Test support: a bill of `kind` with its people — 王 (drafter, coordinator), 李 (drafter,
/// editor), 赵 (reviewer on the bill), 钱 (reviewer not on it), 孙 (admin not on it) and a drafter
/// outside — and `walk`, which moves it one stage through the real functions (`walkBill`),
/// asking and giving the sign-offs and the passing vote that the move needs. The draft starts
/// from `opts.from` (a text, or the regulation an amendment bill amends) or a small test text.
export async function billWithPeople(db: Db, kind: RegulationKind = 'local_regulation', opts: { title?: string; from?: { text: string } | { regulationId: string } } = {}) {
  const coordinator = insertTestUser(db, 'drafter', '王牵头');
  const editor = insertTestUser(db, 'drafter', '李编辑');
  const reviewer = insertTestUser(db, 'reviewer', '赵审核');
  const independent = insertTestUser(db, 'reviewer', '钱审查');
  const admin = insertTestUser(db, 'admin', '孙管理');
  const outsider = insertTestUser(db, 'drafter', '局外人');
  const { id: billId, draftId } = await createBill(
    sqliteEngine(db),
    coordinator,
    { title: opts.title ?? '测试条例', kind, from: opts.from ?? { text: consultationText }, members: [{ email: editor.email, role: 'editor' }, { email: reviewer.email, role: 'reviewer' }] },
  );
  let stage: BillStage = 'proposal';
  const walk = async (to: BillStage, now: Date, extra: { reason?: string } = {}) => {
    const versions = { versionId: null as string | null, consultationId: null as string | null };
    await walkBill(sqliteEngine(db), { coordinator, reviewer, independent }, billId, stage, [{ to, at: now, note: `进入${to}`, ...extra }]);
    stage = to;
    const last = db.select().from(billTransitions).where(eq(billTransitions.billId, billId)).orderBy(desc(billTransitions.seq)).get();
    versions.versionId = last?.versionId ?? null;
    versions.consultationId = last?.consultationId ?? null;
    return versions;
  };
  return { billId, draftId, coordinator, editor, reviewer, independent, admin, outsider, walk };
}
