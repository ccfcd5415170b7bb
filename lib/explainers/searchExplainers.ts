import { desc, eq } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import type { ExplainerKind } from '@/lib/shared';
import { plainTextOf } from './renderMarkdown';

/// A piece of approved content matching a query, with a snippet around the first match.
export interface ContentHit {
  id: string;
  kind: ExplainerKind;
  title: string;
  snippet: string;
  /// Where the query stands in `snippet` ([start, end) offsets).
  highlights: [number, number][];
}

const around = 36;

/// Approved content whose title or text contains every word of `q` (a plain substring match, so
/// one- and two-character Chinese queries work; the library's own index is for articles), title
/// matches first (then the latest approved first), each with a snippet of its text around the
/// first match.
export async function searchExplainers(engine: Engine, q: string, opts: { limit?: number } = {}): Promise<ContentHit[]> {
  const words = q.trim().split(/\s+/).filter(Boolean).slice(0, 8);
  if (words.length === 0) return [];
  const { explainers } = engine.t;
  const rows = await engine.db
    .select({ id: explainers.id, kind: explainers.kind, title: explainers.title, body: explainers.body })
    .from(explainers)
    .where(eq(explainers.status, 'approved'))
    .orderBy(desc(explainers.approvedAt), desc(explainers.id));
  const hits: (ContentHit & { inTitle: boolean })[] = [];
  for (const r of rows) {
    const text = plainTextOf(r.body).replace(/\s+/g, ' ');
    if (!words.every((w) => r.title.includes(w) || text.includes(w))) continue;
    const at = Math.max(0, text.indexOf(words[0]));
    const start = Math.max(0, at - around);
    const snippet = `${start > 0 ? '…' : ''}${text.slice(start, at + words[0].length + around)}${at + words[0].length + around < text.length ? '…' : ''}`;
    const highlights: [number, number][] = [];
    for (const w of words) for (let i = snippet.indexOf(w); i >= 0; i = snippet.indexOf(w, i + w.length)) highlights.push([i, i + w.length]);
    hits.push({ id: r.id, kind: r.kind, title: r.title, snippet, highlights: highlights.sort((a, b) => a[0] - b[0]), inTitle: words.some((w) => r.title.includes(w)) });
  }
  return hits
    .sort((a, b) => Number(b.inTitle) - Number(a.inTitle))
    .slice(0, opts.limit ?? 10)
    .map(({ inTitle: _inTitle, ...hit }) => hit);
}
