import { describe, expect, it } from 'vitest';
import { readMoveForm, readVoteForm } from './readWorkflowForms';

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

describe('readVoteForm', () => {
  it('reads whole numbers, leaves empty optional counts out, and turns anything else into what the schema refuses', () => {
    expect(readVoteForm(form({ billId: 'b', for: '41', against: '3', abstain: '2', present: '', composition: '52' })).input).toEqual({ for: 41, against: 3, abstain: 2, present: undefined, composition: 52 });
    const bad = readVoteForm(form({ billId: 'b', for: '-1', against: '', abstain: '2.5' })).input;
    expect([bad.for, bad.against, bad.abstain].every(Number.isNaN)).toBe(true);
  });
});
