import type { ConsultationStatus } from './types';

/// Where a consultation stands on `today` (a China date, `YYYY-MM-DD`): the period runs from
/// `opensOn` to `closesOn`, both days included.
export function consultationStatus(c: { opensOn: string; closesOn: string }, today: string): ConsultationStatus {
  if (today < c.opensOn) return 'upcoming';
  if (today > c.closesOn) return 'closed';
  return 'open';
}
