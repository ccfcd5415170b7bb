import { describe, expect, it } from 'vitest';
import { isAppError } from '@/lib/errors';
import { billStages, billKinds, type BillStage, type BillKind } from '@/lib/shared';
import { planTransition } from './planTransition';

// The rules, written out by hand from 立法法 and 规章制定程序条例 as the issue states them: for each
// kind and each stage a bill can stand at, every stage it may move to and how (F forward, S past
// an optional stage, B back for rework, E withdrawn or shelved). Everything not listed is refused.
const allowed: Record<BillKind, Partial<Record<BillStage, string>>> = {
  local_regulation: {
    proposal: 'drafting:F withdrawn:E shelved:E',
    drafting: 'submission:F proposal:B withdrawn:E shelved:E',
    submission: 'first_reading:F proposal:B drafting:B withdrawn:E shelved:E',
    first_reading: 'consultation:F proposal:B drafting:B submission:B withdrawn:E shelved:E',
    consultation: 'second_reading:F proposal:B drafting:B submission:B first_reading:B withdrawn:E shelved:E',
    second_reading: 'third_reading:F vote:S proposal:B drafting:B submission:B first_reading:B consultation:B withdrawn:E shelved:E',
    third_reading: 'vote:F proposal:B drafting:B submission:B first_reading:B consultation:B second_reading:B withdrawn:E shelved:E',
    vote: 'approval:F proposal:B drafting:B submission:B first_reading:B consultation:B second_reading:B third_reading:B withdrawn:E shelved:E',
    approval: 'promulgation:F proposal:B drafting:B submission:B first_reading:B consultation:B second_reading:B third_reading:B vote:B withdrawn:E shelved:E',
    promulgation: 'proposal:B drafting:B submission:B first_reading:B consultation:B second_reading:B third_reading:B vote:B approval:B withdrawn:E shelved:E',
    filing: 'proposal:B drafting:B submission:B first_reading:B consultation:B second_reading:B third_reading:B vote:B approval:B promulgation:B withdrawn:E shelved:E',
    done: '',
    withdrawn: '',
    shelved: '',
  },
  government_rule: {
    proposal: 'drafting:F withdrawn:E shelved:E',
    drafting: 'consultation:F proposal:B withdrawn:E shelved:E',
    consultation: 'legality_review:F proposal:B drafting:B withdrawn:E shelved:E',
    legality_review: 'executive_meeting:F proposal:B drafting:B consultation:B withdrawn:E shelved:E',
    executive_meeting: 'promulgation:F proposal:B drafting:B consultation:B legality_review:B withdrawn:E shelved:E',
    promulgation: 'proposal:B drafting:B consultation:B legality_review:B executive_meeting:B withdrawn:E shelved:E',
    filing: 'proposal:B drafting:B consultation:B legality_review:B executive_meeting:B promulgation:B withdrawn:E shelved:E',
    done: '',
    withdrawn: '',
    shelved: '',
  },
  industry_norm: {
    proposal: 'drafting:F withdrawn:E shelved:E',
    drafting: 'consultation:F proposal:B withdrawn:E shelved:E',
    consultation: 'adoption:F proposal:B drafting:B withdrawn:E shelved:E',
    adoption: 'promulgation:F proposal:B drafting:B consultation:B withdrawn:E shelved:E',
    promulgation: 'proposal:B drafting:B consultation:B adoption:B withdrawn:E shelved:E',
    done: '',
    withdrawn: '',
    shelved: '',
  },
};

const letter = { forward: 'F', skip: 'S', back: 'B', end: 'E' } as const;

function verdict(kind: BillKind, from: BillStage, to: BillStage): string | null {
  try {
    return letter[planTransition(kind, from, to).kind];
  } catch (e) {
    if (isAppError(e) && e.message === 'transition_not_allowed') return null;
    throw e;
  }
}

describe('planTransition', () => {
  for (const kind of billKinds) {
    for (const from of billStages) {
      const listed = allowed[kind][from];
      it(`${kind} at ${from}: allows exactly ${listed === undefined ? 'nothing (not on its path)' : listed || 'nothing (closed)'}`, () => {
        const got = billStages
          .map((to) => [to, verdict(kind, from, to)] as const)
          .filter(([, v]) => v !== null)
          .map(([to, v]) => `${to}:${v}`);
        const want = (listed ?? '').split(' ').filter(Boolean);
        expect(got.sort()).toEqual(want.sort());
      });
    }
  }

  it('asks a reason for every move but one stage forward', () => {
    expect(planTransition('local_regulation', 'drafting', 'submission').needsReason).toBe(false);
    expect(planTransition('local_regulation', 'second_reading', 'vote')).toMatchObject({ kind: 'skip', skipped: ['third_reading'], needsReason: true });
    expect(planTransition('local_regulation', 'consultation', 'drafting').needsReason).toBe(true);
    expect(planTransition('industry_norm', 'adoption', 'shelved').needsReason).toBe(true);
  });

  it('names the sign-offs, the frozen versions, the vote and the consultation each move needs', () => {
    expect(planTransition('local_regulation', 'third_reading', 'vote')).toMatchObject({ signoffs: [{ stage: 'vote', rule: 'four_eyes' }], freeze: '表决稿' });
    expect(planTransition('local_regulation', 'second_reading', 'vote').signoffs).toEqual([{ stage: 'vote', rule: 'four_eyes' }]);
    expect(planTransition('local_regulation', 'submission', 'first_reading')).toMatchObject({ signoffs: [], freeze: '一审稿' });
    expect(planTransition('local_regulation', 'first_reading', 'consultation')).toMatchObject({ freeze: '征求意见稿', opensConsultation: true });
    expect(planTransition('local_regulation', 'vote', 'approval').needsPassedVote).toBe(true);
    expect(planTransition('local_regulation', 'vote', 'second_reading').needsPassedVote).toBe(false);
    expect(planTransition('government_rule', 'legality_review', 'executive_meeting').signoffs).toEqual([
      { stage: 'legality_review', rule: 'independent' },
      { stage: 'executive_meeting', rule: 'four_eyes' },
    ]);
    expect(planTransition('industry_norm', 'consultation', 'adoption').signoffs).toEqual([{ stage: 'adoption', rule: 'four_eyes' }]);
    // Going back never needs a sign-off and never freezes.
    expect(planTransition('local_regulation', 'vote', 'first_reading')).toMatchObject({ signoffs: [], freeze: '一审稿' });
    expect(planTransition('local_regulation', 'vote', 'shelved')).toMatchObject({ signoffs: [], freeze: null, opensConsultation: false });
    // Not even out of 合法性审查, whose opinion is signed only when the rule moves on.
    expect(planTransition('government_rule', 'legality_review', 'drafting').signoffs).toEqual([]);
  });

  it('says why a move is refused', () => {
    const why = (kind: BillKind, from: BillStage, to: BillStage) => {
      try {
        planTransition(kind, from, to);
        return 'allowed';
      } catch (e) {
        return isAppError(e) ? (e.details as { why: string }).why : 'thrown';
      }
    };
    expect(why('local_regulation', 'drafting', 'first_reading')).toBe('skips_stage');
    expect(why('local_regulation', 'done', 'drafting')).toBe('closed');
    expect(why('industry_norm', 'consultation', 'vote')).toBe('not_on_path');
    expect(why('industry_norm', 'vote', 'consultation')).toBe('not_on_path');
    expect(why('local_regulation', 'vote', 'vote')).toBe('same_stage');
    expect(why('local_regulation', 'promulgation', 'filing')).toBe('publish_instead');
    expect(why('industry_norm', 'promulgation', 'done')).toBe('publish_instead');
    expect(why('government_rule', 'filing', 'done')).toBe('file_instead');
  });
});
