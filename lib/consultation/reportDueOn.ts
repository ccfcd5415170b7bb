import { addDays } from '@/lib/shared';

/// How long after a consultation closes its 征求意见情况通报 is due: the workbench's service
/// standard (the 立法法 sets none), shown to the public while they wait for it.
export const reportDueDays = 30;

/// The date by which the report of a consultation closing on `closesOn` is due.
export function reportDueOn(closesOn: string): string {
  return addDays(closesOn, reportDueDays);
}
