import { describe, expect, it } from 'vitest';
import { schemaMessages } from '@/lib/shared/testing';
import { newDraftVersionSchema } from './schemas';

const messages = (value: unknown) => schemaMessages(newDraftVersionSchema, value);

describe('newDraftVersionSchema', () => {
  it('trims the note and the reason, and leaves them out when not given', () => {
    const parsed = newDraftVersionSchema.parse({ name: '征求意见稿', note: '  根据常委会意见修改  ', reason: '  consultation:7  ' });
    expect(parsed).toEqual({ name: '征求意见稿', note: '根据常委会意见修改', reason: 'consultation:7', kind: 'manual' });
    expect(newDraftVersionSchema.parse({ name: '一审稿' })).toEqual({ name: '一审稿', kind: 'manual' });
  });

  it('names a note past 2,000 characters and a reason past 200, counted after trimming', () => {
    expect(messages({ name: '稿', note: '注'.repeat(2001) })).toEqual(['version_note_too_long']);
    expect(messages({ name: '稿', note: ` ${'注'.repeat(2000)} ` })).toEqual([]);
    expect(messages({ name: '稿', reason: 'r'.repeat(201) })).toEqual(['version_reason_too_long']);
    expect(messages({ name: '稿', reason: ` ${'r'.repeat(200)} ` })).toEqual([]);
  });

  it('names a kind other than manual or frozen', () => {
    expect(messages({ name: '稿', kind: 'auto' })).toEqual(['version_kind_invalid']);
    expect(newDraftVersionSchema.parse({ name: '稿', kind: 'frozen' }).kind).toBe('frozen');
  });
});
