import type { Engine } from '@/db/engine';
import { articleText } from '@/lib/legal-text';
import { readRegulation } from '@/lib/library';

/// The article with `eid` in the text in force of the regulation an amendment bill amends: the
/// regulation's title, the article's label and its text (label and text null when the text in
/// force has no such article, i.e. the draft adds it). Where an amendment's article history starts.
export async function articleInForce(engine: Engine, regulationId: string, eid: string): Promise<{ title: string; label: string | null; text: string | null }> {
  const r = await readRegulation(engine, regulationId);
  const a = r.text.articles.find((x) => x.eid === eid);
  return { title: r.regulation.title, label: a?.label ?? null, text: a ? articleText(a) : null };
}
