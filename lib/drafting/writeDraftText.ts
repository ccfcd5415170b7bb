import * as Y from 'yjs';
import { updateYFragment } from 'y-prosemirror';
import type { Engine } from '@/db/engine';
import { readDraftState, storeDraftUpdate } from './draftStore';
import { mergedDraftDoc } from './readDraftDoc';
import { structureToDraft } from '@/lib/editor';
import type { ParseJson } from '@/lib/legal-text';

/// Makes a draft read `text` (eids as given), as an editor's client would by typing: the
/// difference from the stored text is stored as one Yjs update by `userId`. For seeding and
/// tests; it checks no permission, so product routes never call it for a reader. Either engine;
/// throws when the draft does not exist.
export async function writeDraftText(engine: Engine, draftId: string, text: ParseJson, userId: string, at: Date = new Date()): Promise<void> {
  const stored = mergedDraftDoc(await readDraftState(engine, draftId));
  if (!stored) throw new Error(`writeDraftText: no draft ${draftId}`);
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, stored);
    const before = Y.encodeStateVector(doc);
    updateYFragment(doc, doc.getXmlFragment('prosemirror'), structureToDraft(text), { mapping: new Map(), isOMark: new Map() });
    await storeDraftUpdate(engine, { draftId, update: Y.encodeStateAsUpdate(doc, before), userId }, at);
  } finally {
    doc.destroy();
  }
}
