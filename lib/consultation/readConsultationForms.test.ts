import { describe, expect, it } from 'vitest';
import { readCommentForm, readCommentWorkForm, readModerationForm, readOpenConsultationForm } from './readConsultationForms';

function form(fields: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}

describe('readCommentForm', () => {
  it('sends replacement wording only when "propose" is ticked and the text differs from the draft', () => {
    const base = { consultationId: 'c1', articleEid: 'art_5', body: '建议修改', originalText: '原文', proposedText: '新文' };
    expect(readCommentForm(form({ ...base, propose: 'on' }))).toEqual({ consultationId: 'c1', input: { articleEid: 'art_5', body: '建议修改', proposedText: '新文' } });
    expect(readCommentForm(form(base)).input.proposedText).toBeUndefined();
    expect(readCommentForm(form({ ...base, propose: 'on', proposedText: '原文' })).input.proposedText).toBeUndefined();
    expect(readCommentForm(form({ ...base, propose: 'on', proposedText: '  ' })).input.proposedText).toBeUndefined();
  });

  it('treats a missing article as a comment on the whole draft', () => {
    expect(readCommentForm(form({ consultationId: 'c1', body: '总体意见' })).input.articleEid).toBeUndefined();
  });
});

describe('readOpenConsultationForm', () => {
  it('takes one question per line and leaves empty optional fields out', () => {
    const { draftId, input } = readOpenConsultationForm(
      form({ draftId: 'd1', title: '', description: '说明', explanation: '起草说明', questions: '问题一\n\n  问题二  \n', opensOn: '2026-01-01', closesOn: '2026-01-30', shortReason: '', moderation: '', versionId: '' }),
    );
    expect(draftId).toBe('d1');
    expect(input).toEqual({
      title: undefined, description: '说明', explanation: '起草说明', questions: ['问题一', '问题二'], opensOn: '2026-01-01', closesOn: '2026-01-30',
      shortReason: undefined, moderation: undefined, versionId: undefined,
    });
  });

  it('passes a moderation mode through for the schema to judge', () => {
    expect(readOpenConsultationForm(form({ moderation: 'post' })).input.moderation).toBe('post');
    expect(readOpenConsultationForm(form({ moderation: 'never' })).input.moderation).toBe('never');
  });
});

describe('readModerationForm', () => {
  it('reads the action and an optional reason', () => {
    expect(readModerationForm(form({ commentId: 'k', action: 'reject', reason: 'spam' }))).toEqual({ commentId: 'k', input: { action: 'reject', reason: 'spam' } });
    expect(readModerationForm(form({ commentId: 'k', action: 'publish' })).input.reason).toBeUndefined();
  });
});

describe('readCommentWorkForm', () => {
  it('splits tags on commas of either width, 、 and spaces, and reads no assignee as nobody', () => {
    expect(readCommentWorkForm(form({ commentId: 'k', tags: '养犬, 物业，噪音、 收费  ', assigneeId: '' }))).toEqual({
      commentId: 'k',
      input: { tags: ['养犬', '物业', '噪音', '收费'], assigneeId: null },
    });
  });
});
