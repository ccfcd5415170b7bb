import { desc, eq } from 'drizzle-orm';
import type { DeskCitation, DeskRecord } from '@/db/schema';
import { lockRow, type Engine } from '@/db/engine';
import { withTransaction } from '@/db/withTransaction';
import { can, type CurrentUser } from '@/lib/auth';
import { AppError } from '@/lib/errors';
import { formatCitation } from '@/lib/legal-text';
import { readRegulation } from '@/lib/library';
import { orderedId, parseInput, todayInChina } from '@/lib/shared';
import { personalDataIn, type PersonalDataKind } from './personalData';
import { deskRecordSchema, type DeskRecordInput } from './schemas';

/// A desk record with what its text seems to hold that it should not.
export type DeskRecordView = DeskRecord & { warnings: PersonalDataKind[] };

function requireDesk(actor: CurrentUser | null): CurrentUser {
  if (!can(actor, 'desk:use')) throw new AppError(actor ? 'forbidden' : 'unauthenticated', 'desk_forbidden');
  return actor!;
}

const deskRecordView = (r: DeskRecord): DeskRecordView => ({ ...r, warnings: personalDataIn(`${r.question}\n${r.facts}\n${r.answer}`) });

/// The records of one volunteer, or of everyone, most recently worked-on first; records saved in
/// one moment newest first (their ids are ordered).
const newestFirst = (engine: Engine) => [desc(engine.t.deskRecords.updatedAt), desc(engine.t.deskRecords.id)];

/// One record, for its volunteer or an admin; `not_found` for anyone else.
export async function getDeskRecord(engine: Engine, actor: CurrentUser | null, id: string): Promise<DeskRecordView> {
  const user = requireDesk(actor);
  const { deskRecords } = engine.t;
  const [row] = await engine.db.select().from(deskRecords).where(eq(deskRecords.id, id)).limit(1);
  if (!row || (row.volunteerId !== user.id && user.role !== 'admin')) throw new AppError('not_found', 'desk_record_not_found');
  return deskRecordView(row);
}

/// Inside the caller's transaction (`tx` of withTransaction): holds the record's row until the
/// transaction ends, then reads it, so that a change that reads the record before it writes (a
/// citation collected, the 问答 proposed) waits for another one under way and then sees what it
/// wrote. On SQLite the transaction's write lock does that already. The caller has checked access.
export async function lockDeskRecord(tx: Engine, id: string): Promise<DeskRecordView> {
  await lockRow(tx, tx.t.deskRecords, id);
  const { deskRecords } = tx.t;
  const [row] = await tx.db.select().from(deskRecords).where(eq(deskRecords.id, id)).limit(1);
  if (!row) throw new AppError('not_found', 'desk_record_not_found');
  return deskRecordView(row);
}

/// The reader's records, newest first (an admin sees every volunteer's).
export async function listDeskRecords(engine: Engine, actor: CurrentUser | null): Promise<DeskRecordView[]> {
  const user = requireDesk(actor);
  const { deskRecords } = engine.t;
  const q = engine.db.select().from(deskRecords);
  const rows = await (user.role === 'admin' ? q : q.where(eq(deskRecords.volunteerId, user.id))).orderBy(...newestFirst(engine));
  return rows.map(deskRecordView);
}

/// Opens a record for one person helped.
export async function createDeskRecord(engine: Engine, actor: CurrentUser | null, input: DeskRecordInput | unknown, now: Date = new Date()): Promise<DeskRecordView> {
  const user = requireDesk(actor);
  const data = parseInput(deskRecordSchema, input);
  const { deskRecords } = engine.t;
  const [row] = await engine.db
    .insert(deskRecords)
    .values({ id: orderedId(now.getTime()), volunteerId: user.id, question: data.question, facts: data.facts, answer: data.answer, referral: data.referral ?? null, citations: [], createdAt: now, updatedAt: now })
    .returning();
  return deskRecordView(row);
}

/// Saves the question, facts, answer and referral of one's record.
export async function updateDeskRecord(engine: Engine, actor: CurrentUser | null, id: string, input: DeskRecordInput | unknown, now: Date = new Date()): Promise<DeskRecordView> {
  const record = await getDeskRecord(engine, actor, id);
  const data = parseInput(deskRecordSchema, input);
  const { deskRecords } = engine.t;
  const [row] = await engine.db
    .update(deskRecords)
    .set({ question: data.question, facts: data.facts, answer: data.answer, referral: data.referral ?? null, updatedAt: now })
    .where(eq(deskRecords.id, record.id))
    .returning();
  if (!row) throw new AppError('not_found', 'desk_record_not_found');
  return deskRecordView(row);
}

/// Collects one article (as in force on `at`, default today) into a record — the one named, or
/// the reader's most recently worked-on — once. `desk_no_record` when the reader has none.
export async function addDeskCitation(
  engine: Engine,
  actor: CurrentUser | null,
  target: { recordId?: string; regulation: string; number: number; sub?: number; at?: string },
  now: Date = new Date(),
): Promise<{ recordId: string; citation: string; added: boolean }> {
  const user = requireDesk(actor);
  const { deskRecords } = engine.t;
  const [chosen] = target.recordId
    ? [await getDeskRecord(engine, user, target.recordId)]
    : await engine.db
        .select({ id: deskRecords.id })
        .from(deskRecords)
        .where(eq(deskRecords.volunteerId, user.id))
        .orderBy(...newestFirst(engine))
        .limit(1);
  if (!chosen) throw new AppError('conflict', 'desk_no_record');
  const at = target.at ?? todayInChina(now);
  const r = await readRegulation(engine, target.regulation, { at });
  const article = r.text.articles.find((a) => a.number === target.number && (a.sub ?? 0) === (target.sub ?? 0));
  if (!article) throw new AppError('not_found', 'article_not_found');
  const citation = formatCitation({ article: article.number, articleSub: article.sub }, { title: r.regulation.title });
  const entry: DeskCitation = { citation, regulationId: r.regulation.id, slug: r.regulation.slug, number: article.number, sub: article.sub ?? 0, eid: article.eid, at: r.at };
  // Read again under the lock: two articles collected at once into one record both stay.
  const added = await withTransaction(engine, async (tx) => {
    const record = await lockDeskRecord(tx, chosen.id);
    if (record.citations.some((c) => c.citation === citation && c.at === entry.at)) return false;
    await tx.db
      .update(tx.t.deskRecords)
      .set({ citations: [...record.citations, entry], updatedAt: now })
      .where(eq(tx.t.deskRecords.id, record.id));
    return true;
  });
  return { recordId: chosen.id, citation, added };
}

/// Takes one collected article out of a record.
export async function removeDeskCitation(engine: Engine, actor: CurrentUser | null, id: string, citation: string, now: Date = new Date()): Promise<void> {
  await getDeskRecord(engine, actor, id);
  await withTransaction(engine, async (tx) => {
    const record = await lockDeskRecord(tx, id);
    await tx.db
      .update(tx.t.deskRecords)
      .set({ citations: record.citations.filter((c) => c.citation !== citation), updatedAt: now })
      .where(eq(tx.t.deskRecords.id, id));
  });
}
