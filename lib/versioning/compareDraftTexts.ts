import type { Engine } from '@/db/engine';
import type { CurrentUser } from '@/lib/auth';
import { getBillOfDraft } from '@/lib/drafting';
import { getDraftText } from '@/lib/drafting';
import { AppError } from '@/lib/errors';
import { compareTexts, type ParseJson, type TextComparison } from '@/lib/legal-text';
import { readRegulation } from '@/lib/library';
import { getDraftVersion } from './getDraftVersion';

/// Which text of a bill a comparison side is: a saved version (by id), the live draft
/// (`current`), or the regulation in force that the bill amends (`in-force`).
export type TextRef = string;

/// A resolved comparison side: what it is (for headings) and its text.
export interface ResolvedText {
  ref: TextRef;
  kind: 'version' | 'current' | 'in_force';
  /// The version's name (征求意见稿 …) or the regulation's title.
  name: string | null;
  seq: number | null;
  text: ParseJson;
}

/// The text a reference names, for a member of the bill; `not_found` for an unknown version or
/// for `in-force` on a bill that does not amend a regulation. Either engine.
export async function resolveDraftText(engine: Engine, actor: CurrentUser | null, draftId: string, ref: TextRef): Promise<ResolvedText> {
  const bill = await getBillOfDraft(engine, actor, draftId);
  if (ref === 'current') return { ref, kind: 'current', name: null, seq: null, text: await getDraftText(engine, actor, draftId) };
  if (ref === 'in-force') {
    if (!bill.regulationId) throw new AppError('not_found', 'no_text_in_force');
    const reg = await readRegulation(engine, bill.regulationId);
    return { ref, kind: 'in_force', name: reg.regulation.title, seq: null, text: reg.text };
  }
  const version = await getDraftVersion(engine, actor, draftId, ref);
  return { ref, kind: 'version', name: version.name, seq: version.seq, text: version.text };
}

/// Compares two texts of a bill. Every side descends from the draft (whose articles keep the eids
/// of the text it was started from), so articles are aligned by eid, then by content.
export async function compareDraftTexts(
  engine: Engine,
  actor: CurrentUser | null,
  draftId: string,
  refs: { from: TextRef; to: TextRef },
): Promise<{ from: ResolvedText; to: ResolvedText; comparison: TextComparison }> {
  const from = await resolveDraftText(engine, actor, draftId, refs.from);
  const to = refs.to === refs.from ? from : await resolveDraftText(engine, actor, draftId, refs.to);
  return { from, to, comparison: compareTexts(from.text, to.text, { alignment: 'eid' }) };
}
