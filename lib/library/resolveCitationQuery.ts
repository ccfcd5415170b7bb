import { parseCitation } from '@/lib/legal-text';
import type { Engine } from '@/db/engine';

/// If a search query is a citation of a provision in the library (东营市养犬管理条例第十二条,
/// 《X条例》第三条第二款), where it points: the regulation's slug and the article. Either engine.
export async function resolveCitationQuery({ db, t }: Engine, q: string): Promise<{ slug: string; article: number; sub?: number; paragraph?: number } | null> {
  const m = /^\s*《?(.{2,60}?)》?\s*(第[^《》]+)$/.exec(q);
  if (!m) return null;
  const ref = parseCitation(m[2].trim());
  if (!ref?.article) return null;
  const title = m[1].trim();
  const all = await db.select({ slug: t.regulations.slug, title: t.regulations.title }).from(t.regulations);
  const hit = all.find((r) => r.title === title) ?? all.find((r) => r.title.endsWith(title) && title.length >= 4);
  return hit ? { slug: hit.slug, article: ref.article, sub: ref.articleSub, paragraph: ref.paragraph } : null;
}
