import type { CommentWorkInput, DispositionInput, ModerateCommentInput, NewCommentInput, OpenConsultationInput } from './schemas';

/// What a submitted HTML form offers (the standard `FormData` has this shape).
export interface FormFields {
  get(name: string): FormDataEntryValue | null;
}

const field = (form: FormFields, name: string) => String(form.get(name) ?? '');

/// Lists typed one per line (the questions put to the public).
const perLine = (text: string) => text.split('\n').map((q) => q.trim()).filter(Boolean);

/// Tags typed with commas (either width), 、 or spaces between them.
const tagList = (text: string) => text.split(/[,，、\s]+/).map((s) => s.trim()).filter(Boolean);

/// The comment form: the comment, and replacement wording only when the person ticked "propose
/// wording" and changed the article's text (the box starts filled with the draft's wording).
export function readCommentForm(form: FormFields): { consultationId: string; input: NewCommentInput } {
  const proposedText = field(form, 'proposedText');
  const proposes = form.get('propose') === 'on' && proposedText.trim() !== '' && proposedText !== field(form, 'originalText');
  return {
    consultationId: field(form, 'consultationId'),
    input: { articleEid: field(form, 'articleEid') || undefined, body: field(form, 'body'), proposedText: proposes ? proposedText : undefined },
  };
}

/// The "开始征求意见" form. Empty optional fields mean "not given"; the schema judges the rest.
export function readOpenConsultationForm(form: FormFields): { draftId: string; input: OpenConsultationInput } {
  return {
    draftId: field(form, 'draftId'),
    input: {
      title: field(form, 'title') || undefined,
      description: field(form, 'description'),
      explanation: field(form, 'explanation'),
      questions: perLine(field(form, 'questions')),
      opensOn: field(form, 'opensOn'),
      closesOn: field(form, 'closesOn'),
      shortReason: field(form, 'shortReason') || undefined,
      moderation: (field(form, 'moderation') || undefined) as OpenConsultationInput['moderation'],
      versionId: field(form, 'versionId') || undefined,
    },
  };
}

/// A moderation button: publish, or reject with the chosen reason.
export function readModerationForm(form: FormFields): { commentId: string; input: ModerateCommentInput } {
  const reason = field(form, 'reason');
  return {
    commentId: field(form, 'commentId'),
    input: { action: field(form, 'action') as ModerateCommentInput['action'], reason: (reason || undefined) as ModerateCommentInput['reason'] },
  };
}

/// The disposition form of a comment (or of its whole campaign group).
export function readDispositionForm(form: FormFields): { commentId: string; input: DispositionInput } {
  return {
    commentId: field(form, 'commentId'),
    input: { disposition: field(form, 'disposition') as DispositionInput['disposition'], reason: field(form, 'reason'), wholeGroup: form.get('wholeGroup') === 'on' },
  };
}

/// The tags and assignee of a comment; an empty assignee means nobody.
export function readCommentWorkForm(form: FormFields): { commentId: string; input: CommentWorkInput } {
  return { commentId: field(form, 'commentId'), input: { tags: tagList(field(form, 'tags')), assigneeId: field(form, 'assigneeId') || null } };
}
