import * as Y from 'yjs';
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import type { Engine } from '@/db/engine';
import type { CurrentUser } from '@/lib/auth';
import { AppError } from '@/lib/errors';
import { draftSchema } from '@/lib/editor';
import { draftToParseJson } from '@/lib/editor';
import type { ParseJson } from '@/lib/legal-text';
import { readDraftState } from './draftStore';
import { getBillOfDraft } from './getBill';
import { mergedDraftDoc } from './readDraftDoc';

/// The current text of a draft in the `parse` JSON shape (numbering derived now), for members.
/// Runs on either engine.
export async function getDraftText(engine: Engine, actor: CurrentUser | null, draftId: string): Promise<ParseJson> {
  await getBillOfDraft(engine, actor, draftId);
  const state = mergedDraftDoc(await readDraftState(engine, draftId));
  if (!state) throw new AppError('not_found', 'draft_not_found');
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, state);
  const doc = yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment('prosemirror'), draftSchema);
  ydoc.destroy();
  return draftToParseJson(doc);
}
