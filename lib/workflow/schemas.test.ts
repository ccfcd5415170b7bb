import { describe, expect, it } from 'vitest';
import { schemaMessages } from '@/lib/shared/testing';
import { stageConsultationSchema, transitionSchema } from './schemas';

const messages = schemaMessages;
const move = { to: 'consultation', expectedStage: 'drafting', note: '送征求意见' };

describe('transitionSchema', () => {
  it('takes a move with a note, trimmed, and an optional reason, trimmed', () => {
    expect(transitionSchema.parse({ ...move, note: '  送征求意见  ' }).note).toBe('送征求意见');
    expect(transitionSchema.parse({ ...move, reason: '  法制委员会建议  ' }).reason).toBe('法制委员会建议');
    expect(transitionSchema.parse(move).reason).toBeUndefined();
  });

  it('names a missing or blank note, and one past 2,000 characters', () => {
    expect(messages(transitionSchema, { ...move, note: undefined })).toEqual(['transition_note_required']);
    expect(messages(transitionSchema, { ...move, note: '   ' })).toEqual(['transition_note_required']);
    expect(messages(transitionSchema, { ...move, note: '注'.repeat(2000) })).toEqual([]);
    expect(messages(transitionSchema, { ...move, note: '注'.repeat(2001) })).toEqual(['transition_note_too_long']);
    expect(messages(transitionSchema, { ...move, note: ` ${'注'.repeat(2000)} ` })).toEqual([]);
  });

  it('names a reason past 2,000 characters, counted after trimming', () => {
    expect(messages(transitionSchema, { ...move, reason: '由'.repeat(2001) })).toEqual(['transition_reason_too_long']);
    expect(messages(transitionSchema, { ...move, reason: ` ${'由'.repeat(2000)} ` })).toEqual([]);
  });

  it('names a stage that is not one of the bill stages, on either side of the move', () => {
    expect(messages(transitionSchema, { ...move, to: 'published?' })).toEqual(['stage_invalid']);
    expect(messages(transitionSchema, { ...move, expectedStage: 'nowhere' })).toEqual(['stage_invalid']);
  });
});

describe('stageConsultationSchema', () => {
  it('takes a short description and explanation, and refuses them past 2,000 and 20,000 characters', () => {
    expect(messages(stageConsultationSchema, { description: '说明', explanation: '起草说明' })).toEqual([]);
    expect(messages(stageConsultationSchema, { description: '说'.repeat(2001) })).toHaveLength(1);
    expect(messages(stageConsultationSchema, { explanation: '说'.repeat(20001) })).toHaveLength(1);
    expect(messages(stageConsultationSchema, { description: '说'.repeat(2000), explanation: '说'.repeat(20000) })).toEqual([]);
  });
});
