import { eq } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import { compareTexts, draftAmendmentDecision, type AmendmentDecision, type ParseJson, type TextComparison } from '@/lib/legal-text';
import { readRegulation, regulationPath } from '@/lib/library';

/// What an amendment draft under consultation changes: the regulation it amends (as in force on
/// the consultation's opening day) and the comparison of that text with the draft, article by
/// article (the 修改对照表), and the 修改决定 that would make those changes, as drafted from them.
export type AmendmentComparison = { regulation: { id: string; title: string; url: string; effectiveOn: string | null }; comparison: TextComparison; decision: AmendmentDecision };

// Both sides are fixed (a frozen version; the text in force on a given day), so each comparison
// is computed once per process and kept: the public page computes no diff per view.
const kept = new Map<string, AmendmentComparison>();
const keepAtMost = 64;

/// The comparison of a consultation's frozen text with the text its bill amends; null when the
/// bill drafts a new regulation.
export async function amendmentComparison(
  engine: Engine,
  consultation: { billId: string; versionId: string; opensOn: string; text: ParseJson },
): Promise<AmendmentComparison | null> {
  const { bills } = engine.t;
  const [bill] = await engine.db.select({ regulationId: bills.regulationId }).from(bills).where(eq(bills.id, consultation.billId)).limit(1);
  if (!bill?.regulationId) return null;
  const inForce = await readRegulation(engine, bill.regulationId, { at: consultation.opensOn });
  const key = `${consultation.versionId}|${inForce.version.id}`;
  const hit = kept.get(key);
  if (hit) return hit;
  const comparison = compareTexts(inForce.text, consultation.text, { alignment: 'eid' });
  const made: AmendmentComparison = {
    regulation: { id: inForce.regulation.id, title: inForce.regulation.title, url: regulationPath(inForce.regulation.slug), effectiveOn: inForce.version.effectiveOn },
    comparison,
    decision: draftAmendmentDecision(comparison, inForce.regulation.title),
  };
  if (kept.size >= keepAtMost) kept.delete(kept.keys().next().value!);
  kept.set(key, made);
  return made;
}
