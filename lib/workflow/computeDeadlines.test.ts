import { describe, expect, it } from 'vitest';
import { computeDeadlines } from './computeDeadlines';

describe('computeDeadlines', () => {
  it('counts the days to the close of an open consultation: none left on the closing day, overdue the day after', () => {
    const at = (today: string) => computeDeadlines({ kind: 'local_regulation', stage: 'consultation', enteredOn: {}, openConsultationClosesOn: '2026-03-05', today });
    expect(at('2026-03-01')).toEqual([{ kind: 'consultation_closes', dueOn: '2026-03-05', daysLeft: 4, overdue: false }]);
    expect(at('2026-03-05')).toEqual([{ kind: 'consultation_closes', dueOn: '2026-03-05', daysLeft: 0, overdue: false }]);
    expect(at('2026-03-06')).toEqual([{ kind: 'consultation_closes', dueOn: '2026-03-05', daysLeft: -1, overdue: true }]);
  });

  it('gives provincial approval four months from submission, only while the bill awaits it (立法法 art. 81)', () => {
    const enteredOn = { approval: '2026-01-31' };
    expect(computeDeadlines({ kind: 'local_regulation', stage: 'approval', enteredOn, today: '2026-02-01' })).toEqual([{ kind: 'approval_due', dueOn: '2026-05-31', daysLeft: 119, overdue: false }]);
    expect(computeDeadlines({ kind: 'local_regulation', stage: 'promulgation', enteredOn, today: '2026-02-01' })).toEqual([]);
  });

  it('gives filing 30 days after promulgation while the bill is at 备案; an industry norm is not filed', () => {
    const enteredOn = { filing: '2026-03-01' };
    expect(computeDeadlines({ kind: 'local_regulation', stage: 'filing', enteredOn, today: '2026-03-02' })).toEqual([{ kind: 'filing_due', dueOn: '2026-03-31', daysLeft: 29, overdue: false }]);
    expect(computeDeadlines({ kind: 'local_regulation', stage: 'done', enteredOn, today: '2026-03-02' })).toEqual([]);
    expect(computeDeadlines({ kind: 'industry_norm', stage: 'filing', enteredOn, today: '2026-03-02' })).toEqual([]);
  });

  it('gives a government rule its entry into force 30 days after promulgation, at 备案 and after, until that day has passed', () => {
    const rule = (stage: 'filing' | 'done' | 'promulgation', today: string) => computeDeadlines({ kind: 'government_rule', stage, enteredOn: { filing: '2026-03-01' }, today });
    expect(rule('filing', '2026-03-02').map((d) => d.kind)).toEqual(['filing_due', 'effect_due']);
    expect(rule('done', '2026-03-31')).toEqual([{ kind: 'effect_due', dueOn: '2026-03-31', daysLeft: 0, overdue: false }]);
    expect(rule('done', '2026-04-01')).toEqual([]);
    expect(rule('promulgation', '2026-03-02')).toEqual([]);
  });

  it('lists the deadlines soonest first', () => {
    const deadlines = computeDeadlines({ kind: 'government_rule', stage: 'filing', enteredOn: { filing: '2026-03-01' }, openConsultationClosesOn: '2026-05-01', today: '2026-03-02' });
    expect(deadlines.map((d) => [d.kind, d.dueOn])).toEqual([
      ['filing_due', '2026-03-31'],
      ['effect_due', '2026-03-31'],
      ['consultation_closes', '2026-05-01'],
    ]);
  });
});
