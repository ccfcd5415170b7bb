import fs from 'node:fs';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { getEngine, type Engine } from '@/db/engine';
import { importRegulation, readRegulationFile, slugFor } from '@/lib/library';

/// Real texts from the corpus (copied into db/seed/regulations) that the demo library holds; the
/// Beijing audit regulation comes in two versions so the timeline and point-in-time view show.
export const demoLibrary: { file: string; versionOf?: string; kind?: 'government_rule' }[] = [
  { file: 'reg-058-jiaxing.md' },
  { file: 'reg-078-zhoushan.md' },
  { file: 'reg-068-hangzhou.md' },
  { file: 'reg-070-hangzhou.md' },
  { file: 'reg-084-shandong.md' },
  { file: 'reg-087-zhejiang.md' },
  { file: 'reg-062-ningbo.md' },
  { file: 'reg-049-zhengzhou.md' },
  { file: 'reg-012-zibo.md' },
  { file: 'reg-091-national.md' },
  { file: 'dev-03-bj-audit-old.md' },
  { file: 'dev-03-bj-audit-new.md', versionOf: '北京市审计条例' },
];

/// Imports the demo library once; a text already present (by slug and version count) is skipped.
export async function seedLibrary(engine: Engine = getEngine(), dir: string = path.resolve(process.cwd(), 'db/seed/regulations')): Promise<{ imported: string[] }> {
  const imported: string[] = [];
  const { regulations, regulationVersions } = engine.t;
  const counted = await engine.db.select({ slug: regulations.slug, versions: count() }).from(regulations).innerJoin(regulationVersions, eq(regulationVersions.regulationId, regulations.id)).groupBy(regulations.slug);
  const present = new Map(counted.map((r) => [r.slug, r.versions]));
  const seen = new Map<string, number>();
  for (const entry of demoLibrary) {
    const bytes = fs.readFileSync(path.join(dir, entry.file));
    const json = await readRegulationFile(bytes, entry.file);
    const slug = entry.versionOf ?? slugFor(json.title);
    const position = (seen.get(slug) ?? 0) + 1;
    seen.set(slug, position);
    if ((present.get(slug) ?? 0) >= position) continue;
    await importRegulation(engine, json, { versionOf: entry.versionOf, kind: entry.kind, sourceText: bytes.toString('utf8') });
    imported.push(entry.file);
  }
  return { imported };
}
