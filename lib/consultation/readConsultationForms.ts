import { formField, type FormFields } from '@/lib/shared';
import type { CommentWorkInput, DispositionInput, ModerateCommentInput, NewCommentInput, OpenConsultationInput } from './schemas';


/// Lists typed one per line (the questions put to the public).
const perLine = (text: string) => text.split('\n').map((q) => q.trim()).filter(Boolean);

/// Tags typed with commas (either width), 、 or spaces between them.
const tagList = (text: string) => text.split(/[,，、\s]+/).map((s) => s.trim()).filter(Boolean);

/// The comment form: the comment, and replacement wording only when the person ticked "propose
/// wording" and changed the article's text (the box starts filled with the draft's wording).
export function readCommentForm(form: FormFields): { consultationId: string; input: NewCommentInput } {
  const proposedText = formField(form, 'proposedText');
  const proposes = form.get('propose') === 'on' && proposedText.trim() !== '' && proposedText !== formField(form, 'originalText');
  return {
    consultationId: formField(form, 'consultationId'),
    input: { articleEid: formField(form, 'articleEid') || undefined, body: formField(form, 'body'), proposedText: proposes ? proposedText : undefined },
  };
}

/// The "开始征求意见" form. Empty optional fields mean "not given"; the schema judges the rest.
export function readOpenConsultationForm(form: FormFields): { draftId: string; input: OpenConsultationInput } {
  return {
    draftId: formField(form, 'draftId'),
    input: {
      title: formField(form, 'title') || undefined,
      description: formField(form, 'description'),
      explanation: formField(form, 'explanation'),
      questions: perLine(formField(form, 'questions')),
      opensOn: formField(form, 'opensOn'),
      closesOn: formField(form, 'closesOn'),
      shortReason: formField(form, 'shortReason') || undefined,
      moderation: (formField(form, 'moderation') || undefined) as OpenConsultationInput['moderation'],
      versionId: formField(form, 'versionId') || undefined,
    },
  };
}

/// A moderation button: publish, or reject with the chosen reason.
export function readModerationForm(form: FormFields): { commentId: string; input: ModerateCommentInput } {
  const reason = formField(form, 'reason');
  return {
    commentId: formField(form, 'commentId'),
    input: { action: formField(form, 'action') as ModerateCommentInput['action'], reason: (reason || undefined) as ModerateCommentInput['reason'] },
  };
}

/// The disposition form of a comment (or of its whole campaign group).
export function readDispositionForm(form: FormFields): { commentId: string; input: DispositionInput } {
  return {
    commentId: formField(form, 'commentId'),
    input: { disposition: formField(form, 'disposition') as DispositionInput['disposition'], reason: formField(form, 'reason'), wholeGroup: form.get('wholeGroup') === 'on' },
  };
}

/// The tags and assignee of a comment; an empty assignee means nobody.
export function readCommentWorkForm(form: FormFields): { commentId: string; input: CommentWorkInput } {
  return { commentId: formField(form, 'commentId'), input: { tags: tagList(formField(form, 'tags')), assigneeId: formField(form, 'assigneeId') || null } };
}
