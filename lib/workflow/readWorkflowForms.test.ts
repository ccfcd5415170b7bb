import { describe, expect, it } from 'vitest';
import { readMoveForm, readSignoffForm, readSignoffRequestForm, readVoteForm } from './readWorkflowForms';

function form(fields: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}

describe('readMoveForm', () => {
  it('passes the consultation fields only when one is filled, and leaves an empty reason out', () => {
    const base = { billId: 'b1', to: 'second_reading', expectedStage: 'consultation', note: '二审', reason: '' };
    expect(readMoveForm(form(base))).toEqual({ billId: 'b1', input: { to: 'second_reading', expectedStage: 'consultation', note: '二审', reason: undefined, consultation: undefined } });
    expect(readMoveForm(form({ ...base, closesOn: '2027-01-03' })).input.consultation).toEqual({ closesOn: '2027-01-03', description: undefined });
  });
});

describe('readMoveForm, further', () => {
  it('passes a stated reason and a consultation with only its description filled', () => {
    const f = form({ billId: 'b2', to: 'consultation', expectedStage: 'first_reading', note: '公开征求意见', reason: '重新征求意见', description: '第二次征求意见' });
    expect(readMoveForm(f)).toEqual({ billId: 'b2', input: { to: 'consultation', expectedStage: 'first_reading', note: '公开征求意见', reason: '重新征求意见', consultation: { closesOn: undefined, description: '第二次征求意见' } } });
    expect(readMoveForm(form({ to: 'drafting', closesOn: '2027-01-03', description: '说明' })).input.consultation).toEqual({ closesOn: '2027-01-03', description: '说明' });
  });

  it('reads a form with nothing filled as empty text, for the schema to refuse', () => {
    expect(readMoveForm(form({}))).toEqual({ billId: '', input: { to: '', expectedStage: '', note: '', reason: undefined, consultation: undefined } });
  });
});

describe('readSignoffRequestForm', () => {
  it('reads the bill, the stage, the reviewer asked by e-mail and the note', () => {
    expect(readSignoffRequestForm(form({ billId: 'b3', stage: 'vote', reviewerEmail: 'zhao@example.cn', note: '请审核表决稿', extra: 'x' }))).toEqual({
      billId: 'b3',
      input: { stage: 'vote', reviewerEmail: 'zhao@example.cn', note: '请审核表决稿' },
    });
    expect(readSignoffRequestForm(form({}))).toEqual({ billId: '', input: { stage: '', reviewerEmail: '', note: '' } });
  });
});

describe('readSignoffForm', () => {
  it('reads the bill, the stage, the button pressed and the note', () => {
    expect(readSignoffForm(form({ billId: 'b4', stage: 'executive_meeting', decision: 'reject', note: '第五条不合法' }))).toEqual({
      billId: 'b4',
      input: { stage: 'executive_meeting', decision: 'reject', note: '第五条不合法' },
    });
    expect(readSignoffForm(form({ billId: 'b4' }))).toEqual({ billId: 'b4', input: { stage: '', decision: '', note: '' } });
  });
});

describe('readVoteForm', () => {
  it('reads whole numbers, leaves empty optional counts out, and turns anything else into what the schema refuses', () => {
    expect(readVoteForm(form({ billId: 'b', for: '41', against: '3', abstain: '2', present: '', composition: '52' })).input).toEqual({ for: 41, against: 3, abstain: 2, present: undefined, composition: 52 });
    const bad = readVoteForm(form({ billId: 'b', for: '-1', against: '', abstain: '2.5' })).input;
    expect([bad.for, bad.against, bad.abstain].every(Number.isNaN)).toBe(true);
  });
});

describe('readVoteForm, further', () => {
  it('reads counts with spaces around them, leaves blank optional counts out, and makes a missing required count NaN', () => {
    expect(readVoteForm(form({ billId: 'b5', for: ' 41 ', against: '0', abstain: '2', present: ' ', composition: '' }))).toEqual({
      billId: 'b5',
      input: { for: 41, against: 0, abstain: 2, present: undefined, composition: undefined },
    });
    expect(readVoteForm(form({ billId: 'b5', for: '30', against: '1', abstain: '0', present: '31', composition: '60' })).input).toEqual({ for: 30, against: 1, abstain: 0, present: 31, composition: 60 });
    const missing = readVoteForm(form({ billId: 'b5', for: '30', abstain: '0', present: '3x', composition: '1e2' })).input;
    expect(Number.isNaN(missing.against)).toBe(true);
    expect(Number.isNaN(missing.present)).toBe(true);
    expect(Number.isNaN(missing.composition)).toBe(true);
    expect([missing.for, missing.abstain]).toEqual([30, 0]);
  });
});
