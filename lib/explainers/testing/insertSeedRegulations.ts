import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import { withTransaction } from '@/db/withTransaction';
import { deriveMetadata, insertRegulationVersionOn, readRegulationFile, slugFor } from '@/lib/library';

/// Test support on either engine: texts of the demo library (db/seed/regulations), written as
/// `seedLibrary` imports them (a regulation per text; a text with `versionOf` as the next
/// version of that regulation, with the same change, dates and metadata), with the same version
/// rows and events. They are not indexed for search (SQLite-only so far): no explainer function
/// reads the search index.
export async function insertSeedRegulations(engine: Engine, texts: { file: string; versionOf?: string }[], dir: string = path.resolve(process.cwd(), 'db/seed/regulations')): Promise<void> {
  for (const { file, versionOf } of texts) {
    const bytes = fs.readFileSync(path.join(dir, file));
    const json = await readRegulationFile(bytes, file);
    const meta = deriveMetadata(json);
    await withTransaction(engine, async (tx) => {
      const { regulations, regulationVersions } = tx.t;
      let regulationId: string;
      let seq = 1;
      if (versionOf) {
        const [existing] = await tx.db.select({ id: regulations.id }).from(regulations).where(eq(regulations.slug, versionOf)).limit(1);
        if (!existing) throw new Error(`insertSeedRegulations: ${versionOf} is not there yet`);
        regulationId = existing.id;
        seq = (await tx.db.select({ id: regulationVersions.id }).from(regulationVersions).where(eq(regulationVersions.regulationId, regulationId))).length + 1;
        await tx.db.update(regulations).set({ title: json.title, updatedAt: new Date() }).where(eq(regulations.id, regulationId));
      } else {
        regulationId = crypto.randomUUID();
        await tx.db.insert(regulations).values({ id: regulationId, slug: slugFor(json.title), title: json.title, kind: meta.kind, region: meta.region, level: meta.level, topic: meta.topic, enactingBody: meta.enactingBody, approvingBody: meta.approvingBody });
      }
      const change = seq === 1 && !versionOf ? meta.change : meta.change === 'original' ? 'amendment' : meta.change;
      await insertRegulationVersionOn(tx, {
        regulationId, seq, change, text: json, sourceText: bytes.toString('utf8'),
        adoptedOn: meta.adoptedOn, approvedOn: meta.approvedOn, promulgatedOn: meta.promulgatedOn, effectiveOn: meta.effectiveOn,
        body: meta.enactingBody, approvingBody: meta.approvingBody,
      });
    });
  }
}
