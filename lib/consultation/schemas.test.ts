import { describe, expect, it } from 'vitest';
import { parseInput } from '@/lib/shared';
import { isAppError } from '@/lib/errors';
import { newCommentSchema, openConsultationSchema } from './schemas';

// The catalogue key parseInput reports for the first problem of `input`, or null when it passes.
function problem(schema: Parameters<typeof parseInput>[0], input: unknown): string | null {
  try {
    parseInput(schema, input);
    return null;
  } catch (e) {
    if (!isAppError(e)) throw e;
    return e.message;
  }
}

const base = { description: '说明', explanation: '起草说明', opensOn: '2025-03-01', closesOn: '2025-03-30' };


describe('openConsultationSchema', () => {
  it('accepts 30 days counting both ends without a reason, and defaults to pre-moderation', () => {
    expect(parseInput(openConsultationSchema, base)).toMatchObject({ moderation: 'pre', questions: [] });
  });

  it('asks for a reason of at least five characters when the period is under 30 days', () => {
    const short = { ...base, closesOn: '2025-03-29' };
    expect(problem(openConsultationSchema, short)).toBe('consultation_short_needs_reason');
    expect(problem(openConsultationSchema, { ...short, shortReason: '很急' })).toBe('consultation_short_needs_reason');
    expect(problem(openConsultationSchema, { ...short, shortReason: '上位法修改，须尽快衔接。' })).toBeNull();
  });

  it('refuses impossible dates, a close before the opening, periods over 120 days and too many questions', () => {
    expect(problem(openConsultationSchema, { ...base, opensOn: '2025-02-30' })).toBe('consultation_date_invalid');
    expect(problem(openConsultationSchema, { ...base, closesOn: '2025-02-28' })).toBe('consultation_closes_before_opens');
    expect(problem(openConsultationSchema, { ...base, closesOn: '2025-06-28' })).toBeNull();
    expect(problem(openConsultationSchema, { ...base, closesOn: '2025-06-29' })).toBe('consultation_period_too_long');
    expect(problem(openConsultationSchema, { ...base, questions: Array(11).fill('问题') })).toBe('consultation_too_many_questions');
    expect(problem(openConsultationSchema, { ...base, questions: ['x'.repeat(301)] })).toBe('consultation_question_too_long');
    expect(problem(openConsultationSchema, { ...base, description: '  ' })).toBe('consultation_description_required');
    expect(problem(openConsultationSchema, { ...base, explanation: 'x'.repeat(20001) })).toBe('consultation_explanation_too_long');
    expect(problem(openConsultationSchema, { ...base, title: 'x'.repeat(121) })).toBe('consultation_title_too_long');
    expect(problem(openConsultationSchema, { ...base, moderation: 'none' })).toBe('consultation_moderation_invalid');
    expect(problem(openConsultationSchema, { ...base, extra: 1 })).toBe('input_unknown_field');
  });
});

describe('newCommentSchema', () => {
  it('trims the body, turns CRLF into LF, keeps tabs and line breaks', () => {
    expect(parseInput(newCommentSchema, { body: '  第一段\r\n\t第二段  ' })).toEqual({ body: '第一段\n\t第二段' });
  });

  it('refuses empty, too long, control characters, unpaired surrogates and unknown keys', () => {
    expect(problem(newCommentSchema, { body: ' \n ' })).toBe('comment_body_required');
    expect(problem(newCommentSchema, {})).toBe('comment_body_required');
    expect(problem(newCommentSchema, { body: '长'.repeat(5001) })).toBe('comment_body_too_long');
    expect(problem(newCommentSchema, { body: '长'.repeat(5000) })).toBeNull();
    expect(problem(newCommentSchema, { body: '响铃\u0007' })).toBe('comment_body_invalid');
    expect(problem(newCommentSchema, { body: '退格\u0008一下' })).toBe('comment_body_invalid');
    expect(problem(newCommentSchema, { body: 'C1\u0085控制' })).toBe('comment_body_invalid');
    expect(problem(newCommentSchema, { body: '半个\ud800代理' })).toBe('comment_body_invalid');
    expect(problem(newCommentSchema, { body: '好的', proposedText: '\u0000' })).toBe('comment_proposed_text_invalid');
    expect(problem(newCommentSchema, { body: '好的', proposedText: '改'.repeat(5001) })).toBe('comment_proposed_text_too_long');
    expect(problem(newCommentSchema, { body: '好的', email: 'a@b.cn' })).toBe('input_unknown_field');
    expect(problem(newCommentSchema, { body: '表情😀与<b>标记</b>照存' })).toBeNull();
  });
});
