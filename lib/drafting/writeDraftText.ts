import * as Y from 'yjs';
import { updateYFragment } from 'y-prosemirror';
import type { Db } from '@/db/client';
import { appendDraftUpdate } from './appendDraftUpdate';
import { readDraftDoc } from './readDraftDoc';
import { structureToDraft } from '@/lib/editor';
import type { ParseJson } from '@/lib/legal-text';

/// Makes a draft read `text` (eids as given), as an editor's client would by typing: the
/// difference from the stored text is stored as one Yjs update by `userId`. For seeding and
/// tests; it checks no permission, so product routes never call it for a reader.
export function writeDraftText(db: Db, draftId: string, text: ParseJson, userId: string, at: Date = new Date()): void {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, readDraftDoc(draftId, db)!);
  const before = Y.encodeStateVector(doc);
  updateYFragment(doc, doc.getXmlFragment('prosemirror'), structureToDraft(text), { mapping: new Map(), isOMark: new Map() });
  appendDraftUpdate(db, { draftId, update: Y.encodeStateAsUpdate(doc, before), userId }, at);
  doc.destroy();
}
