import * as Y from 'yjs';
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import { and, asc, desc, eq, gt } from 'drizzle-orm';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { draftEditSpans, draftUpdates, draftVersionArticles, draftVersions, type NewDraftVersionArticle } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import { recordAudit } from '@/lib/audit';
import { can } from '@/lib/auth';
import { parseInput } from '@/lib/shared';
import type { CurrentUser } from '@/lib/auth';
import { getBillOfDraft, type BillDetail } from '@/lib/drafting';
import { loadDraftState } from '@/lib/drafting';
import { draftSchema } from '@/lib/editor';
import { draftToParseJson } from '@/lib/editor';
import { AppError } from '@/lib/errors';
import { getRegulation } from '@/lib/library';
import { articleHeadingPath, articleText, differsOnlyInReferences } from '@/lib/legal-text';
import { attributeArticles, type AttributedSpan, type PreviousState } from './attributeArticles';
import { decodeEditSpans } from '@/lib/drafting';
import { newDraftVersionSchema, type NewDraftVersionInput } from './schemas';
import { sqliteEngine } from '@/db/engine';

/// What saving a version reports: its number, and how many of its articles are new or changed
/// since the previous version.
export type CreatedDraftVersion = { id: string; seq: number; name: string; createdAt: Date; articles: number; changed: number };

const hashText = (text: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(text)));

/// Freezes the current text of a draft as the next numbered version (稿) with a name: the full
/// Yjs state, the `parse` JSON, and one row per article saying whether it was added, modified or
/// left unchanged since the previous version (by eid; for the first version of an amendment bill,
/// since the text in force) and who changed it. Editors of the bill only; read, numbered and
/// written in one immediate transaction (with its audit row), so the version is exactly the text
/// stored at that moment.
export async function createDraftVersion(actor: CurrentUser | null, draftId: string, input: NewDraftVersionInput, db: Db = getDatabase()): Promise<CreatedDraftVersion> {
  return freezeDraftVersion(actor, await getBillOfDraft(sqliteEngine(db), actor, draftId), input, db);
}

/// `createDraftVersion` for a bill already read, synchronously: for a move that freezes a version
/// inside its own transaction (a stage, a consultation, a publication). SQLite only.
export function freezeDraftVersion(actor: CurrentUser | null, bill: BillDetail, input: NewDraftVersionInput, db: Db = getDatabase()): CreatedDraftVersion {
  const draftId = bill.draftId;
  if (!can(actor, 'version:create', bill.resource)) throw new AppError('forbidden', 'version_forbidden');
  const data = parseInput(newDraftVersionSchema, input);
  // What the first version of an amendment bill is compared with: the text it amends.
  const amended = bill.regulationId ? getRegulation(bill.regulationId, {}, db).text.articles : [];
  return db.transaction(
    (tx) => {
      const state = loadDraftState(tx, draftId);
      if (!state) throw new AppError('not_found', 'draft_not_found');
      const ydoc = new Y.Doc();
      Y.transact(ydoc, () => {
        for (const part of [...(state.snapshot ? [state.snapshot] : []), ...state.updates.map((u) => u.update)]) {
          try {
            Y.applyUpdate(ydoc, part);
          } catch {
            // An undecodable row is skipped, as the collaboration server skips it when loading.
          }
        }
      });
      const text = draftToParseJson(yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment('prosemirror'), draftSchema));

      const prev = tx.select().from(draftVersions).where(eq(draftVersions.draftId, draftId)).orderBy(desc(draftVersions.seq)).limit(1).get();
      const since = prev?.lastUpdateId ?? 0;
      const spans: AttributedSpan[] = tx
        .select()
        .from(draftEditSpans)
        .where(and(eq(draftEditSpans.draftId, draftId), gt(draftEditSpans.updateId, since)))
        .all()
        .map((s) => ({ kind: s.kind, client: s.client, clock: s.clock, len: s.len, updateId: s.updateId, userId: s.userId, at: s.createdAt }));
      const pending = tx
        .select()
        .from(draftUpdates)
        .where(and(eq(draftUpdates.draftId, draftId), gt(draftUpdates.id, since)))
        .orderBy(asc(draftUpdates.id))
        .all();
      for (const row of pending) {
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
        const columns = { eid: draftVersionArticles.eid, textHash: draftVersionArticles.textHash, text: draftVersionArticles.text, number: draftVersionArticles.number, sub: draftVersionArticles.sub };
        for (const a of tx.select(columns).from(draftVersionArticles).where(eq(draftVersionArticles.versionId, prev.id)).all()) {
          if (!before.has(a.eid)) before.set(a.eid, a);
        }
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
      const createdAt = new Date();
      const rows: NewDraftVersionArticle[] = text.articles.map((a, position) => {
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
      tx.insert(draftVersions)
        .values({
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
          createdBy: actor!.id,
          createdAt,
        })
        .run();
      // Chunked: SQLite caps the number of bound parameters per statement.
      for (let i = 0; i < rows.length; i += 200) tx.insert(draftVersionArticles).values(rows.slice(i, i + 200)).run();
      const changed = rows.filter((r) => r.change !== 'unchanged').length;
      recordAudit(
        tx,
        { actorId: actor!.id, action: 'version.create', targetType: 'draft_version', targetId: id, detail: { draftId, billId: bill.id, seq, name: data.name, kind: data.kind, reason: data.reason || null, articles: rows.length, changed } },
        createdAt,
      );
      return { id, seq, name: data.name, createdAt, articles: rows.length, changed };
    },
    { behavior: 'immediate' },
  );
}
