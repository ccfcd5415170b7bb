import { addDays, addMonths, daysBetween, type BillStage, type DeadlineKind, type BillKind } from '@/lib/shared';

/// A date a bill's clock runs towards, with the days left from today (negative when overdue).
export interface Deadline {
  kind: DeadlineKind;
  dueOn: string;
  daysLeft: number;
  overdue: boolean;
}

/// The deadlines of a bill today, computed from its events, never typed: the close of its open
/// consultation; provincial approval four months after the regulation was submitted for it
/// (立法法 art. 81); filing 30 days after promulgation (art. 109); and for a government rule, its
/// normal entry into force 30 days after promulgation (规章制定程序条例 art. 32). `enteredOn` gives
/// the China date each stage was last entered.
export function computeDeadlines(bill: {
  kind: BillKind;
  stage: BillStage;
  enteredOn: Partial<Record<BillStage, string>>;
  openConsultationClosesOn?: string | null;
  today: string;
}): Deadline[] {
  const due = (kind: DeadlineKind, dueOn: string): Deadline => {
    const daysLeft = daysBetween(bill.today, dueOn);
    return { kind, dueOn, daysLeft, overdue: daysLeft < 0 };
  };
  const out: Deadline[] = [];
  if (bill.openConsultationClosesOn) out.push(due('consultation_closes', bill.openConsultationClosesOn));
  const submitted = bill.enteredOn.approval;
  if (bill.stage === 'approval' && submitted) out.push(due('approval_due', addMonths(submitted, 4)));
  // The text was promulgated when the bill moved on from 公布.
  const promulgated = bill.kind === 'industry_norm' ? undefined : bill.enteredOn.filing;
  if (bill.stage === 'filing' && promulgated) out.push(due('filing_due', addDays(promulgated, 30)));
  if (bill.kind === 'government_rule' && promulgated && (bill.stage === 'filing' || bill.stage === 'done')) {
    const effect = due('effect_due', addDays(promulgated, 30));
    if (!effect.overdue) out.push(effect);
  }
  return out.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}
