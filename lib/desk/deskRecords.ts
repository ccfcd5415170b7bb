import { and, desc, eq } from 'drizzle-orm';
import { deskRecords, type DeskCitation, type DeskRecord } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import { can, type CurrentUser } from '@/lib/auth';
import { AppError } from '@/lib/errors';
import { formatCitation } from '@/lib/legal-text';
import { getRegulation } from '@/lib/library';
import { parseInput, todayInChina } from '@/lib/shared';
import { personalDataIn, type PersonalDataKind } from './personalData';
import { deskRecordSchema, type DeskRecordInput } from './schemas';

/// A desk record with what its text seems to hold that it should not.
export type DeskRecordView = DeskRecord & { warnings: PersonalDataKind[] };

function requireDesk(actor: CurrentUser | null): CurrentUser {
  if (!can(actor, 'desk:use')) throw new AppError(actor ? 'forbidden' : 'unauthenticated', 'desk_forbidden');
  return actor!;
}

const view = (r: DeskRecord): DeskRecordView => ({ ...r, warnings: personalDataIn(`${r.question}\n${r.facts}\n${r.answer}`) });

/// One record, for its volunteer or an admin; `not_found` for anyone else.
export function getDeskRecord(actor: CurrentUser | null, id: string, db: Db = getDatabase()): DeskRecordView {
  const user = requireDesk(actor);
  const row = db.select().from(deskRecords).where(eq(deskRecords.id, id)).get();
  if (!row || (row.volunteerId !== user.id && user.role !== 'admin')) throw new AppError('not_found', 'desk_record_not_found');
  return view(row);
}

/// The reader's records, newest first (an admin sees every volunteer's).
export function listDeskRecords(actor: CurrentUser | null, db: Db = getDatabase()): DeskRecordView[] {
  const user = requireDesk(actor);
  const q = db.select().from(deskRecords);
  return (user.role === 'admin' ? q : q.where(eq(deskRecords.volunteerId, user.id))).orderBy(desc(deskRecords.updatedAt)).all().map(view);
}

/// Opens a record for one person helped.
export function createDeskRecord(actor: CurrentUser | null, input: DeskRecordInput | unknown, db: Db = getDatabase(), now: Date = new Date()): DeskRecordView {
  const user = requireDesk(actor);
  const data = parseInput(deskRecordSchema, input);
  const id = crypto.randomUUID();
  db.insert(deskRecords).values({ id, volunteerId: user.id, question: data.question, facts: data.facts, answer: data.answer, referral: data.referral ?? null, citations: [], createdAt: now, updatedAt: now }).run();
  return getDeskRecord(user, id, db);
}

/// Saves the question, facts, answer and referral of one's record.
export function updateDeskRecord(actor: CurrentUser | null, id: string, input: DeskRecordInput | unknown, db: Db = getDatabase(), now: Date = new Date()): DeskRecordView {
  const row = getDeskRecord(actor, id, db);
  const data = parseInput(deskRecordSchema, input);
  db.update(deskRecords).set({ question: data.question, facts: data.facts, answer: data.answer, referral: data.referral ?? null, updatedAt: now }).where(eq(deskRecords.id, row.id)).run();
  return getDeskRecord(actor, id, db);
}

/// Collects one article (as in force on `at`, default today) into a record — the one named, or
/// the reader's most recently worked-on — once. `desk_no_record` when the reader has none.
export function addDeskCitation(actor: CurrentUser | null, target: { recordId?: string; regulation: string; number: number; sub?: number; at?: string }, db: Db = getDatabase(), now: Date = new Date()): { recordId: string; citation: string; added: boolean } {
  const user = requireDesk(actor);
  const record = target.recordId
    ? getDeskRecord(user, target.recordId, db)
    : db.select().from(deskRecords).where(and(eq(deskRecords.volunteerId, user.id))).orderBy(desc(deskRecords.updatedAt)).get();
  if (!record) throw new AppError('conflict', 'desk_no_record');
  const at = target.at ?? todayInChina(now);
  const r = getRegulation(target.regulation, { at }, db);
  const article = r.text.articles.find((a) => a.number === target.number && (a.sub ?? 0) === (target.sub ?? 0));
  if (!article) throw new AppError('not_found', 'article_not_found');
  const citation = formatCitation({ article: article.number, articleSub: article.sub }, { title: r.regulation.title });
  const entry: DeskCitation = { citation, regulationId: r.regulation.id, slug: r.regulation.slug, number: article.number, sub: article.sub ?? 0, eid: article.eid, at: r.at };
  const added = !record.citations.some((c) => c.citation === citation && c.at === entry.at);
  if (added) db.update(deskRecords).set({ citations: [...record.citations, entry], updatedAt: now }).where(eq(deskRecords.id, record.id)).run();
  return { recordId: record.id, citation, added };
}

/// Takes one collected article out of a record.
export function removeDeskCitation(actor: CurrentUser | null, id: string, citation: string, db: Db = getDatabase(), now: Date = new Date()): void {
  const record = getDeskRecord(actor, id, db);
  db.update(deskRecords).set({ citations: record.citations.filter((c) => c.citation !== citation), updatedAt: now }).where(eq(deskRecords.id, id)).run();
}
