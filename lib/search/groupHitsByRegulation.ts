import type { SearchHit } from './searchArticles';

/// The hits of one regulation, in rank order, as a result list shows them.
export interface RegulationHits {
  regulationId: string;
  regulationTitle: string;
  /// The best score among the regulation's hits.
  score: number;
  hits: SearchHit[];
}

/// Groups ranked hits by regulation: groups in the order of their best hit, hits inside a group
/// in rank order.
export function groupHitsByRegulation(hits: readonly SearchHit[]): RegulationHits[] {
  const groups = new Map<string, RegulationHits>();
  for (const hit of hits) {
    const group = groups.get(hit.regulationId);
    if (group) {
      group.hits.push(hit);
      group.score = Math.max(group.score, hit.score);
    } else groups.set(hit.regulationId, { regulationId: hit.regulationId, regulationTitle: hit.regulationTitle, score: hit.score, hits: [hit] });
  }
  return [...groups.values()];
}
