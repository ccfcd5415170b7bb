import * as Y from 'yjs';
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import { getDatabase, type Db } from '@/db/client';
import type { CurrentUser } from '@/lib/auth';
import { AppError } from '@/lib/errors';
import { draftSchema } from '@/lib/editor';
import { draftToParseJson } from '@/lib/editor';
import type { ParseJson } from '@/lib/legal-text';
import { getBillOfDraft } from './getBill';
import { readDraftDoc } from './readDraftDoc';

/// The current text of a draft in the `parse` JSON shape (numbering derived now), for members.
export function getDraftText(actor: CurrentUser | null, draftId: string, db: Db = getDatabase()): ParseJson {
  getBillOfDraft(actor, draftId, db);
  const state = readDraftDoc(draftId, db);
  if (!state) throw new AppError('not_found', 'draft_not_found');
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, state);
  const doc = yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment('prosemirror'), draftSchema);
  ydoc.destroy();
  return draftToParseJson(doc);
}
