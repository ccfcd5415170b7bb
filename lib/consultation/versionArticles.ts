import { eq } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import { articleText, type ParseJson } from '@/lib/legal-text';

/// The articles of a frozen version in text order, their labels by eid, and their plain text by
/// eid (paragraphs joined by line breaks: what a proposed wording is compared with).
export type VersionArticles = { list: { eid: string; label: string }[]; labels: Map<string, string>; texts: Map<string, string> };

// Versions are never updated and their ids never reused, so what was read once stays true. The
// cap only bounds memory in a long-running process; consultations use a handful of versions.
const cache = new Map<string, VersionArticles>();
const maxEntries = 256;

/// The articles (条) of a version by eid, read from the version's own text once per process:
/// comments are anchored to these eids, and checking one must cost nothing on the comment hot path.
export async function versionArticles(engine: Engine, versionId: string): Promise<VersionArticles> {
  const hit = cache.get(versionId);
  if (hit) return hit;
  const { draftVersions } = engine.t;
  const [row] = await engine.db.select({ structure: draftVersions.structure }).from(draftVersions).where(eq(draftVersions.id, versionId)).limit(1);
  // An unknown version has no articles; that is not remembered, in case it is being written.
  if (!row) return { list: [], labels: new Map(), texts: new Map() };
  const labels = new Map<string, string>();
  const texts = new Map<string, string>();
  const list = (JSON.parse(row.structure) as ParseJson).articles
    .filter((a) => !labels.has(a.eid) && labels.set(a.eid, a.label) && texts.set(a.eid, articleText(a)))
    .map((a) => ({ eid: a.eid, label: a.label }));
  const entry = { list, labels, texts };
  if (cache.size >= maxEntries) cache.delete(cache.keys().next().value!);
  cache.set(versionId, entry);
  return entry;
}
