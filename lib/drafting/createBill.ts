import * as Y from 'yjs';
import { prosemirrorToYDoc } from 'y-prosemirror';
import { inArray } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import { withTransaction } from '@/db/withTransaction';
import { appendAudit } from '@/lib/audit';
import { can } from '@/lib/auth';
import { parseInput } from '@/lib/shared';
import type { CurrentUser } from '@/lib/auth';
import { AppError } from '@/lib/errors';
import { blankDraft, structureToDraft } from '@/lib/editor';
import { parseRegulation, toParseJson, type ParseJson } from '@/lib/legal-text';
import { readRegulation } from '@/lib/library';
import { createBillSchema } from './schemas';
import { type MemberRole } from '@/lib/shared/vocabulary';

/// Opens a bill with its draft: blank (title, 第一章 总则, 第一条), from pasted text, or from the
/// text of a regulation in force (an amendment draft whose articles keep their eids). It starts
/// at 立项 (`proposal`); the creator becomes its coordinator; listed members are added by
/// e-mail. Audited in the same transaction. Runs on either engine, except that opening from a
/// regulation reads the library, which is SQLite's still.
export async function createBill(engine: Engine, actor: CurrentUser | null, input: unknown): Promise<{ id: string; draftId: string }> {
  if (!can(actor, 'bill:create')) throw new AppError(actor ? 'forbidden' : 'unauthenticated', actor ? 'forbidden' : 'unauthenticated');
  const data = parseInput(createBillSchema, input);
  let regulationId: string | null = null;
  let json: ParseJson | null = null;
  if (data.from && 'text' in data.from) {
    json = toParseJson(parseRegulation(data.from.text));
    if (json.articles.length === 0) throw new AppError('validation_failed', 'no_articles');
  } else if (data.from && 'regulationId' in data.from) {
    const reg = await readRegulation(engine, data.from.regulationId);
    regulationId = reg.regulation.id;
    json = reg.text;
  }
  const doc = json ? structureToDraft({ ...json, title: data.title }) : blankDraft(data.title);
  const ydoc = prosemirrorToYDoc(doc, 'prosemirror');
  const snapshot = Buffer.from(Y.encodeStateAsUpdate(ydoc));
  const emails = [...new Set((data.members ?? []).map((m) => m.email))];
  const { users } = engine.t;
  const found = emails.length ? await engine.db.select({ id: users.id, email: users.email, role: users.role, disabledAt: users.disabledAt }).from(users).where(inArray(users.email, emails)) : [];
  const missing = emails.filter((e) => !found.some((u) => u.email === e));
  if (missing.length) throw new AppError('validation_failed', 'member_not_found', { details: { emails: missing } });
  const ids = { id: crypto.randomUUID(), draftId: crypto.randomUUID() };
  await withTransaction(engine, async (tx) => {
    const { bills, billMembers, drafts } = tx.t;
    await tx.db.insert(bills).values({ id: ids.id, title: data.title, kind: data.kind, stage: 'proposal', sponsor: data.sponsor ?? null, regulationId, createdBy: actor!.id });
    const members = new Map<string, MemberRole>([[actor!.id, 'coordinator']]);
    for (const m of data.members ?? []) {
      const user = found.find((u) => u.email === m.email)!;
      // Reviewers read and comment; they are never editors of the text.
      if (user.id !== actor!.id) members.set(user.id, user.role === 'reviewer' ? 'reviewer' : m.role === 'coordinator' ? 'editor' : m.role);
    }
    for (const [userId, role] of members) await tx.db.insert(billMembers).values({ billId: ids.id, userId, role });
    await tx.db.insert(drafts).values({ id: ids.draftId, billId: ids.id, snapshot, snapshotUpdateId: 0 });
    await appendAudit(tx, { actorId: actor!.id, action: 'bill.create', targetType: 'bill', targetId: ids.id, detail: { title: data.title, from: regulationId ? 'regulation' : json ? 'text' : 'blank' } });
  });
  return ids;
}
