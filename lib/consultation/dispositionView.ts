import type { Disposition, DispositionView } from './types';

/// The disposition columns of a comment (all null when there is none, as a left join gives them)
/// as shown with the comment.
export function dispositionView(d: { disposition: Disposition | null; reason: string | null; decidedAt: Date | null }): DispositionView | null {
  if (d.disposition === null) return null;
  return { disposition: d.disposition, reason: d.reason ?? '', decidedAt: d.decidedAt!.toISOString() };
}
