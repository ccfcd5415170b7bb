import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { isClosedStage } from './paths';
import { signoffRuleFor } from './signoffRuleFor';

/// The AppError a call throws (or a failure when it throws something else or nothing).
function refusal(call: () => unknown): AppError {
  try {
    call();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('signoffRuleFor', () => {
  it('asks four eyes for the vote from the stage before it, and from before an optional 三审 that may be passed over', () => {
    expect(signoffRuleFor('local_regulation', 'third_reading', 'vote')).toBe('four_eyes');
    expect(signoffRuleFor('local_regulation', 'second_reading', 'vote')).toBe('four_eyes');
  });

  it('asks an independent reviewer for the 合法性审查 a government rule is in, four eyes for the 常务会议 after it', () => {
    expect(signoffRuleFor('government_rule', 'legality_review', 'legality_review')).toBe('independent');
    expect(signoffRuleFor('government_rule', 'legality_review', 'executive_meeting')).toBe('four_eyes');
    expect(signoffRuleFor('industry_norm', 'consultation', 'adoption')).toBe('four_eyes');
  });

  it('refuses a sign-off for a stage not next, naming the stage and where the bill is', () => {
    for (const [kind, current, stage] of [
      ['local_regulation', 'first_reading', 'vote'],
      ['local_regulation', 'done', 'vote'],
      // A stage of another kind's path: nothing is ahead of it here.
      ['local_regulation', 'legality_review', 'legality_review'],
    ] as const) {
      const e = refusal(() => signoffRuleFor(kind, current, stage));
      expect(e).toMatchObject({ code: 'conflict', message: 'signoff_not_needed', details: { stage, current } });
    }
  });
});

describe('isClosedStage', () => {
  it('closes a bill that is done, withdrawn or shelved, and no other', () => {
    expect(['done', 'withdrawn', 'shelved', 'vote', 'filing', 'proposal'].map((s) => isClosedStage(s as never))).toEqual([true, true, true, false, false, false]);
  });
});
