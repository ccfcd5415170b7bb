import type { Engine } from '@/db/engine';
import { withTransaction } from '@/db/withTransaction';
import { parseRegulation, toParseJson } from '@/lib/legal-text';
import { deriveMetadata } from '../deriveMetadata';
import { insertRegulationVersionOn } from '../insertRegulationVersion';
import { slugFor } from '../slugFor';

/// Test support on either engine: a regulation with one version, from plain text, written with
/// the same version rows and events as an import, but neither audited nor indexed for search: a
/// fixture for the readers (`importRegulation` is the whole import, on either engine).
export async function insertTestRegulation(engine: Engine, text: string, opts: { effectiveOn?: string } = {}): Promise<{ regulationId: string; versionId: string; slug: string }> {
  const json = toParseJson(parseRegulation(text));
  const meta = deriveMetadata(json);
  const regulationId = crypto.randomUUID();
  const slug = slugFor(json.title);
  const versionId = await withTransaction(engine, async (tx) => {
    await tx.db.insert(tx.t.regulations).values({ id: regulationId, slug, title: json.title, kind: meta.kind, region: meta.region, level: meta.level, topic: meta.topic, enactingBody: meta.enactingBody, approvingBody: meta.approvingBody });
    return insertRegulationVersionOn(tx, {
      regulationId,
      seq: 1,
      change: meta.change,
      text: json,
      sourceText: text,
      adoptedOn: meta.adoptedOn,
      approvedOn: meta.approvedOn,
      promulgatedOn: meta.promulgatedOn,
      effectiveOn: opts.effectiveOn ?? meta.effectiveOn,
      body: meta.enactingBody,
      approvingBody: meta.approvingBody,
    });
  });
  return { regulationId, versionId, slug };
}
