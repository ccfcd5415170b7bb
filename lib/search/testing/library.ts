import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '@/db/client';
import type { Engine } from '@/db/engine';
import { regulationArticles, regulations, regulationVersions } from '@/db/schema';
import { type RegulationKind } from '@/lib/shared/vocabulary';

const ARTICLE_LINE = /^第[零〇一二两三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?[\s\u3000]*/;

/// The article texts of a corpus Markdown text: label stripped, 款 on separate lines, headings
/// and the header left out. A quick line split for search fixtures and the search bench, which
/// need plain article strings in bulk rather than structure.
export function splitMarkdownArticles(markdown: string): string[] {
  const articles: string[] = [];
  let current: string[] | null = null;
  const flush = () => {
    if (current && current.join('').trim()) articles.push(current.join('\n'));
    current = null;
  };
  for (const raw of markdown.split('\n')) {
    const line = raw.trim();
    if (ARTICLE_LINE.test(line)) {
      flush();
      current = [line.replace(ARTICLE_LINE, '')];
    } else if (line.startsWith('#') || line.startsWith('<!--')) flush();
    else if (current && line) current.push(line);
  }
  flush();
  return articles;
}

/// The article texts of a corpus file, read from the project's seed copy or else from the dev
/// texts in testdata/corpus/dev. Tests only.
export function corpusArticles(file: string): string[] {
  const candidates = [path.resolve(process.cwd(), 'db/seed/regulations', file), path.resolve(process.cwd(), 'testdata/corpus/dev', file)];
  const found = candidates.find((f) => existsSync(f));
  if (!found) throw new Error(`corpus file ${file} not found`);
  return splitMarkdownArticles(readFileSync(found, 'utf8'));
}

/// A fixture regulation with one version of the given article texts.
export type FixtureVersion = { id: string; title: string; kind?: RegulationKind; region?: string; versionId?: string; seq?: number; articles: string[] };

/// The rows of a fixture version: the regulation (inserted unless it exists), the version and
/// its articles in order.
function fixtureRows(r: FixtureVersion) {
  const versionId = r.versionId ?? `${r.id}-v${r.seq ?? 1}`;
  return {
    versionId,
    regulation: { id: r.id, slug: r.id, title: r.title, kind: r.kind ?? ('local_regulation' as const), region: r.region },
    version: { id: versionId, regulationId: r.id, seq: r.seq ?? 1, change: 'original' as const, title: r.title, infoLines: [], events: [], structure: {}, sourceText: '' },
    articles: r.articles.map((text, i) => ({ versionId, regulationId: r.id, eid: `art_${i + 1}`, number: i + 1, position: i, text, textHash: String(i) })),
  };
}

/// Inserts a regulation (unless it exists) and one version of it with the given article texts,
/// directly through drizzle; returns the version id and the article ids in order. Tests only.
export function addRegulationVersion(db: Db, r: FixtureVersion): { versionId: string; articleIds: number[] } {
  const rows = fixtureRows(r);
  db.insert(regulations).values(rows.regulation).onConflictDoNothing().run();
  db.insert(regulationVersions).values(rows.version).run();
  const articleIds = rows.articles.map((article) => db.insert(regulationArticles).values(article).returning({ id: regulationArticles.id }).get().id);
  return { versionId: rows.versionId, articleIds };
}

/// `addRegulationVersion` on either engine.
export async function addRegulationVersionOn({ db, t }: Engine, r: FixtureVersion): Promise<{ versionId: string; articleIds: number[] }> {
  const rows = fixtureRows(r);
  await db.insert(t.regulations).values(rows.regulation).onConflictDoNothing();
  await db.insert(t.regulationVersions).values(rows.version);
  const articleIds: number[] = [];
  for (const article of rows.articles) articleIds.push((await db.insert(t.regulationArticles).values(article).returning({ id: t.regulationArticles.id }))[0].id);
  return { versionId: rows.versionId, articleIds };
}
