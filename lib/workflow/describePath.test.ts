import { describe, expect, it } from 'vitest';
import type { BillStage } from '@/lib/shared';
import { describePath, type StageState } from './describePath';

const regulation = ['proposal', 'drafting', 'submission', 'first_reading', 'consultation', 'second_reading', 'third_reading', 'vote', 'approval', 'promulgation', 'filing', 'done'] as const;
/// The stages of a local regulation with the states given in order.
const states = (list: StageState[]) => list.map((state, i) => ({ stage: regulation[i], state }));
/// The moves one stage at a time along `stages`.
const along = (stages: readonly BillStage[]) => stages.slice(1).map((toStage, i) => ({ fromStage: stages[i], toStage }));
const later = (n: number): StageState[] => Array.from({ length: n }, () => 'later');

describe('describePath', () => {
  it('shows a new bill at 立项 with 起草 next and everything else ahead', () => {
    expect(describePath('local_regulation', 'proposal', [])).toEqual(states(['current', 'next', ...later(10)]));
  });

  it('shows 三审 passed over when the bill went from 二审 straight to 表决', () => {
    const moves = [...along(regulation.slice(0, 6)), { fromStage: 'second_reading' as const, toStage: 'vote' as const }];
    expect(describePath('local_regulation', 'vote', moves)).toEqual(states(['done', 'done', 'done', 'done', 'done', 'done', 'skipped', 'current', 'next', 'later', 'later', 'later']));
  });

  it('never calls the stage a skip started from passed over, even on a record that begins there', () => {
    expect(describePath('local_regulation', 'vote', [{ fromStage: 'second_reading', toStage: 'vote' }]).slice(5, 8)).toEqual([
      { stage: 'second_reading', state: 'done' },
      { stage: 'third_reading', state: 'skipped' },
      { stage: 'vote', state: 'current' },
    ]);
  });

  it('shows 三审 done once the bill came back to it after passing it over', () => {
    const moves = [
      ...along(regulation.slice(0, 6)),
      { fromStage: 'second_reading' as const, toStage: 'vote' as const },
      { fromStage: 'vote' as const, toStage: 'third_reading' as const },
      { fromStage: 'third_reading' as const, toStage: 'vote' as const },
    ];
    expect(describePath('local_regulation', 'vote', moves).find((p) => p.stage === 'third_reading')).toEqual({ stage: 'third_reading', state: 'done' });
  });

  it('does not call a stage skipped when the bill went back past it', () => {
    const moves = [...along(regulation.slice(0, 5)), { fromStage: 'consultation' as const, toStage: 'drafting' as const }];
    expect(describePath('local_regulation', 'drafting', moves)).toEqual(states(['done', 'current', 'next', ...later(9)]));
  });

  it('shows a withdrawn bill stopped where it was, with the end as current and nothing next', () => {
    const moves = [...along(regulation.slice(0, 5)), { fromStage: 'consultation' as const, toStage: 'withdrawn' as const }];
    expect(describePath('local_regulation', 'withdrawn', moves)).toEqual([...states(['done', 'done', 'done', 'done', 'done', ...later(7)]), { stage: 'withdrawn', state: 'current' }]);
  });

  it('keeps a passed-over stage skipped on a bill shelved after it', () => {
    const moves = [...along(regulation.slice(0, 6)), { fromStage: 'second_reading' as const, toStage: 'vote' as const }, { fromStage: 'vote' as const, toStage: 'shelved' as const }];
    expect(describePath('local_regulation', 'shelved', moves)).toEqual([
      ...states(['done', 'done', 'done', 'done', 'done', 'done', 'skipped', 'done', 'later', 'later', 'later', 'later']),
      { stage: 'shelved', state: 'current' },
    ]);
  });

  it('shows a bill ended with no record of moves as stopped at 立项', () => {
    expect(describePath('industry_norm', 'shelved', [])).toEqual([
      { stage: 'proposal', state: 'done' },
      { stage: 'drafting', state: 'later' },
      { stage: 'consultation', state: 'later' },
      { stage: 'adoption', state: 'later' },
      { stage: 'promulgation', state: 'later' },
      { stage: 'done', state: 'later' },
      { stage: 'shelved', state: 'current' },
    ]);
  });

  it('never shows the end of the path as next: at 备案 it is still ahead, and a finished bill has all done', () => {
    expect(describePath('local_regulation', 'filing', along(regulation.slice(0, 11)))).toEqual(states([...Array.from({ length: 10 }, (): StageState => 'done'), 'current', 'later']));
    expect(describePath('government_rule', 'done', along(['proposal', 'drafting', 'consultation', 'legality_review', 'executive_meeting', 'promulgation', 'filing', 'done']))).toEqual([
      { stage: 'proposal', state: 'done' },
      { stage: 'drafting', state: 'done' },
      { stage: 'consultation', state: 'done' },
      { stage: 'legality_review', state: 'done' },
      { stage: 'executive_meeting', state: 'done' },
      { stage: 'promulgation', state: 'done' },
      { stage: 'filing', state: 'done' },
      { stage: 'done', state: 'current' },
    ]);
  });
});
