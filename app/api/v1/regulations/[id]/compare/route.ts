import { handleApi, jsonResponse, libraryOperations, readQuery, getEngine } from '@/lib/api';
import { toDiffJson } from '@/lib/legal-text';
import { compareRegulationVersions } from '@/lib/library';
import { routeParam } from '@/lib/shared';

export const dynamic = 'force-dynamic';

/// Compares two published versions (by seq) of a regulation: the diff JSON, without the full
/// texts of both sides (each row names its old and new labels instead).
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return handleApi(request, async () => {
    const seqs = readQuery(request, libraryOperations.compareRegulationVersions.query);
    const { regulation, from, to, versions, comparison } = await compareRegulationVersions(getEngine(), routeParam(id), seqs);
    const dates = ({ seq, change, adoptedOn, effectiveOn }: typeof from) => ({ seq, change, adoptedOn, effectiveOn });
    return jsonResponse({
      regulation,
      from: dates(from),
      to: dates(to),
      versions: versions.map(dates),
      ...toDiffJson(comparison),
    });
  });
}
