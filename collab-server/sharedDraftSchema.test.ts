import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { and, count, eq } from 'drizzle-orm';
import { draftUpdates } from '@/db/schema';
import { readDraftDoc } from '@/lib/drafting';
import { collabCloseCodes } from '@/lib/editor';
import { breakages, draftJsonOf, yDraft } from '@/lib/editor/testing';
import { connectTestClient, seedDraft, ticketFor, useCollabServer, waitFor } from './testing';

const collab = useCollabServer();
const { db } = collab;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/// The draft as stored in SQLite now (snapshot and every appended row).
function storedDoc(draftId: string): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, readDraftDoc(draftId, db)!);
  return doc;
}

const firstParagraphText = (doc: Y.Doc) => (((doc.getXmlFragment('prosemirror').get(2) as Y.XmlElement).get(0) as Y.XmlElement).get(0) as Y.XmlText);

describe('SharedDraft: updates that do not fit the schema', () => {
  it.each(Object.entries(breakages))(
    'closes the socket of an editor who sends %s with 4422, relays nothing, stores nothing, and still takes good updates',
    async (_, damage) => {
      const draft = seedDraft(db, { editors: 3, reviewers: 0, snapshot: Y.encodeStateAsUpdate(yDraft()) });
      const [watcher, sender, writer] = draft.editors.map((u) => connectTestClient(collab.server.port, draft.draftId, { ticket: ticketFor(db, draft.draftId, u) }));
      await Promise.all([watcher.synced, sender.synced, writer.synced]);
      const before = storedDoc(draft.draftId).getXmlFragment('prosemirror').toString();
      const relayed: Uint8Array[] = [];
      watcher.doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === watcher.provider) relayed.push(update);
      });

      damage(sender.doc.getXmlFragment('prosemirror'));
      await waitFor(() => sender.closes.length > 0, 'the sender’s socket to be closed', 3000);
      expect(sender.closes).toEqual([{ code: collabCloseCodes.schemaViolation, reason: 'update does not fit the schema' }]);
      await sleep(300);
      // Final: the stock client does not come back to send it again.
      expect(sender.closes).toHaveLength(1);
      expect(sender.provider.wsconnected).toBe(false);
      expect(relayed).toEqual([]);
      const after = storedDoc(draft.draftId);
      expect(after.getXmlFragment('prosemirror').toString()).toBe(before);
      expect(draftJsonOf(after).articles.map((a) => a.eid)).toEqual(['art_1', 'art_2']);
      const bySender = db.select({ n: count() }).from(draftUpdates).where(and(eq(draftUpdates.draftId, draft.draftId), eq(draftUpdates.userId, draft.editors[1].id))).get()!.n;
      expect(bySender).toBe(0);

      firstParagraphText(writer.doc).insert(0, '〔改〕');
      await waitFor(() => firstParagraphText(watcher.doc).toString().startsWith('〔改〕'), 'the good update at the watcher');
      await waitFor(() => draftJsonOf(storedDoc(draft.draftId)).articles[0].paragraphs[0].text.startsWith('〔改〕'), 'the good update in SQLite');
      expect(writer.closes).toEqual([]);
      for (const c of [watcher, sender, writer]) c.destroy();
    },
  );
});
