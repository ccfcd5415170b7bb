import * as Y from 'yjs';
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import { and, asc, desc, eq, gt } from 'drizzle-orm';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type * as schema from '@/db/schema';
import type { DraftEditSpan, DraftUpdate, DraftVersion, NewDraftVersion, NewDraftVersionArticle } from '@/db/schema';
import type { Db } from '@/db/client';
import type { Engine } from '@/db/engine';
import { withTransaction } from '@/db/withTransaction';
import { appendAudit, type AuditEventInput } from '@/lib/audit';
import { can } from '@/lib/auth';
import { parseInput } from '@/lib/shared';
import type { CurrentUser } from '@/lib/auth';
import { chunksOf, decodeEditSpans, draftDocOfState, getBillOfDraft, lockDraftState, type BillDetail, type DraftState } from '@/lib/drafting';
import { draftSchema } from '@/lib/editor';
import { draftToParseJson } from '@/lib/editor';
import { AppError } from '@/lib/errors';
import { readRegulation } from '@/lib/library';
import { articleHeadingPath, articleText, differsOnlyInReferences, type ParseJson } from '@/lib/legal-text';
import { attributeArticles, type AttributedSpan, type PreviousState } from './attributeArticles';
import { newDraftVersionSchema, type NewDraftVersionInput } from './schemas';

/// What saving a version reports: its number, and how many of its articles are new or changed
/// since the previous version.
export type CreatedDraftVersion = { id: string; seq: number; name: string; createdAt: Date; articles: number; changed: number };

const hashText = (text: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(text)));

/// Freezes the current text of a draft as the next numbered version (稿) with a name: the full
/// Yjs state, the `parse` JSON, and one row per article saying whether it was added, modified or
/// left unchanged since the previous version (by eid; for the first version of an amendment bill,
/// since the text in force) and who changed it. Editors of the bill only; read, numbered and
/// written in one transaction (with its audit entry) that first locks the draft against
/// compaction and against a second version being numbered at once, so the version is exactly the
/// text stored at that moment. Either engine.
export async function createDraftVersion(engine: Engine, actor: CurrentUser | null, draftId: string, input: NewDraftVersionInput): Promise<CreatedDraftVersion> {
  const bill = await getBillOfDraft(engine, actor, draftId);
  return withTransaction(engine, (tx) => freezeDraftVersionOn(tx, actor, bill, input));
}

/// `createDraftVersion` for a bill already read, inside the caller's `withTransaction`.
export async function freezeDraftVersionOn(tx: Engine, actor: CurrentUser | null, bill: BillDetail, input: NewDraftVersionInput): Promise<CreatedDraftVersion> {
  const data = checkedInput(actor, bill, input);
  const amended = bill.regulationId ? (await readRegulation(tx, bill.regulationId)).text.articles : [];
  const state = await lockDraftState(tx, bill.draftId);
  if (!state) throw new AppError('not_found', 'draft_not_found');
  const { db, t } = tx;
  const [prev] = await selectLatestVersion(db, t, bill.draftId);
  const since = prev?.lastUpdateId ?? 0;
  const stored = {
    prev,
    spans: await selectSpansSince(db, t, bill.draftId, since),
    pending: await selectUpdatesSince(db, t, bill.draftId, since),
    before: prev ? await selectVersionArticles(db, t, prev.id) : [],
  };
  const built = buildVersion(actor!, bill, data, state, stored, amended, new Date());
  await db.insert(t.draftVersions).values(built.version);
  // 200 rows of 12 columns a statement: SQLite caps the parameters a statement binds.
  for (const chunk of chunksOf(built.articles, 200)) await db.insert(t.draftVersionArticles).values(chunk);
  await appendAudit(tx, built.audit, built.version.createdAt);
  return built.result;
}

/// The input, once the actor may save versions of the bill.
function checkedInput(actor: CurrentUser | null, bill: BillDetail, input: NewDraftVersionInput) {
  if (!can(actor, 'version:create', bill.resource)) throw new AppError('forbidden', 'version_forbidden');
  return parseInput(newDraftVersionSchema, input);
}

// The statements a freeze reads with.
type Reader = Pick<Db, 'select'>;
type Tables = Pick<typeof schema, 'draftVersions' | 'draftVersionArticles' | 'draftEditSpans' | 'draftUpdates'>;
const selectLatestVersion = (db: Reader, t: Tables, draftId: string) => db.select().from(t.draftVersions).where(eq(t.draftVersions.draftId, draftId)).orderBy(desc(t.draftVersions.seq)).limit(1);
const selectSpansSince = (db: Reader, t: Tables, draftId: string, since: number) =>
  db.select().from(t.draftEditSpans).where(and(eq(t.draftEditSpans.draftId, draftId), gt(t.draftEditSpans.updateId, since)));
const selectUpdatesSince = (db: Reader, t: Tables, draftId: string, since: number) =>
  db.select().from(t.draftUpdates).where(and(eq(t.draftUpdates.draftId, draftId), gt(t.draftUpdates.id, since))).orderBy(asc(t.draftUpdates.id));
const selectVersionArticles = (db: Reader, t: Tables, versionId: string) => {
  const a = t.draftVersionArticles;
  return db.select({ eid: a.eid, textHash: a.textHash, text: a.text, number: a.number, sub: a.sub }).from(a).where(eq(a.versionId, versionId));
};

/// What a freeze read: the latest version, the edit spans and update rows since it, and its articles.
type StoredSince = {
  prev: DraftVersion | undefined;
  spans: DraftEditSpan[];
  pending: DraftUpdate[];
  before: { eid: string; textHash: string; text: string; number: number; sub: number | null }[];
};

/// The version a freeze writes, from what it read: the document rebuilt from the stored state, each
/// article compared with the version before (or the text in force) and attributed to who changed it.
function buildVersion(
  actor: CurrentUser,
  bill: BillDetail,
  data: ReturnType<typeof checkedInput>,
  state: DraftState,
  stored: StoredSince,
  amended: ParseJson['articles'],
  createdAt: Date,
): { version: NewDraftVersion & { createdAt: Date }; articles: NewDraftVersionArticle[]; audit: AuditEventInput; result: CreatedDraftVersion } {
  const draftId = bill.draftId;
  const ydoc = draftDocOfState(state);
  const text = draftToParseJson(yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment('prosemirror'), draftSchema));

  const { prev } = stored;
  const spans: AttributedSpan[] = stored.spans.map((s) => ({ kind: s.kind, client: s.client, clock: s.clock, len: s.len, updateId: s.updateId, userId: s.userId, at: s.createdAt }));
  for (const row of stored.pending) {
    let decoded: ReturnType<typeof decodeEditSpans> = [];
    try {
      decoded = decodeEditSpans(new Uint8Array(row.update));
    } catch {
      // Nothing of an undecodable row reached the document.
    }
    for (const s of decoded) spans.push({ ...s, updateId: row.id, userId: row.userId, at: row.createdAt });
  }
  const previous: PreviousState | null = prev
    ? { stateVector: Y.decodeStateVector(new Uint8Array(prev.stateVector)), deleted: Y.decodeUpdate(new Uint8Array(prev.yjsState)).ds.clients }
    : null;
  const attribution = attributeArticles(ydoc, previous, spans);
  const before = new Map<string, { textHash: string; text: string; number: number; sub: number | null }>();
  if (prev) {
    for (const a of stored.before) if (!before.has(a.eid)) before.set(a.eid, a);
  } else {
    // The first version of an amendment bill is compared with the text it amends, so that
    // only the articles the bill changes count as new or modified.
    for (const a of amended) {
      const plain = articleText(a);
      if (!before.has(a.eid)) before.set(a.eid, { textHash: hashText(plain), text: plain, number: a.number, sub: a.sub ?? null });
    }
  }
  // Old → new article numbers, so that a text differing only in renumbered citations counts as
  // unchanged. An old 之一 article is left out: 第三条之一 shares its number with 第三条, and a
  // citation of 第三条 means 第三条. (A draft numbers its articles in order: none has a sub.)
  const numbers = new Map(
    text.articles.flatMap((a) => {
      const old = before.get(a.eid);
      return old && !old.sub ? [[old.number, a.number] as const] : [];
    }),
  );

  const id = crypto.randomUUID();
  const seq = (prev?.seq ?? 0) + 1;
  const articles: NewDraftVersionArticle[] = text.articles.map((a, position) => {
    const plain = articleText(a);
    const textHash = hashText(plain);
    const old = before.get(a.eid);
    const change = old === undefined ? 'added' : old.textHash === textHash || differsOnlyInReferences(old.text, plain, numbers) ? 'unchanged' : 'modified';
    const who = change === 'unchanged' ? null : attribution.get(a.eid);
    return {
      versionId: id,
      position,
      eid: a.eid,
      number: a.number,
      sub: a.sub ?? null,
      label: a.label,
      headingPath: articleHeadingPath(a, text.outline),
      text: plain,
      textHash,
      change,
      authors: who?.authors ?? [],
      changedAt: who?.changedAt ?? null,
    };
  });
  const yjsState = Y.encodeStateAsUpdate(ydoc);
  const stateVector = Y.encodeStateVector(ydoc);
  ydoc.destroy();
  const changed = articles.filter((r) => r.change !== 'unchanged').length;
  return {
    version: {
      id,
      draftId,
      seq,
      name: data.name,
      note: data.note || null,
      kind: data.kind,
      reason: data.reason || null,
      yjsState: Buffer.from(yjsState),
      stateVector: Buffer.from(stateVector),
      lastUpdateId: state.lastUpdateId,
      structure: JSON.stringify(text),
      createdBy: actor.id,
      createdAt,
    },
    articles,
    audit: {
      actorId: actor.id,
      action: 'version.create',
      targetType: 'draft_version',
      targetId: id,
      detail: { draftId, billId: bill.id, seq, name: data.name, kind: data.kind, reason: data.reason || null, articles: articles.length, changed },
    },
    result: { id, seq, name: data.name, createdAt, articles: articles.length, changed },
  };
}
