import type { DiffToken, ParseJson } from '@/lib/legal-text';
import type { CommentStatus, Disposition, ModerationMode, RejectReason } from '@/lib/shared/vocabulary';

/// Where a consultation stands today (China time): not yet open, open for comments, or closed.
export type ConsultationStatus = 'upcoming' | 'open' | 'closed';

export { dispositions, rejectReasons, type Disposition, type RejectReason } from '@/lib/shared/vocabulary';

/// A consultation as lists show it.
export interface ConsultationSummary {
  id: string;
  billId: string;
  draftId: string;
  versionId: string;
  versionName: string;
  title: string;
  description: string;
  opensOn: string;
  closesOn: string;
  status: ConsultationStatus;
  moderation: ModerationMode;
  /// Published comments.
  commentCount: number;
  reportPublished: boolean;
}

/// A consultation with its frozen text and the published comment count of each article.
export interface ConsultationDetail extends ConsultationSummary {
  explanation: string;
  questions: string[];
  shortReason: string | null;
  reportSummary: string | null;
  /// The frozen version's text (articles keep their eids).
  text: ParseJson;
  /// Published comments per article eid, and on the draft as a whole.
  articleCounts: Record<string, number>;
  generalCount: number;
}

/// A disposition as shown with a comment.
export interface DispositionView {
  disposition: Disposition;
  reason: string;
  decidedAt: string;
}

/// A published comment as the public sees it: no contact details, the author's name masked.
export interface PublicComment {
  id: string;
  reference: string;
  articleEid: string | null;
  /// The article's label in the consultation's version (第十二条), null for the whole draft.
  articleLabel: string | null;
  body: string;
  proposedText: string | null;
  /// The word difference from the article's text to `proposedText`, as stored with the comment;
  /// null without a proposal or on the draft as a whole.
  proposedDiff: DiffToken[] | null;
  /// e.g. 陈** — never the e-mail.
  authorName: string;
  createdAt: string;
  /// Present once the consultation's report is published.
  disposition: DispositionView | null;
}

/// A comment as bill staff work on it.
export interface StaffComment extends Omit<PublicComment, 'authorName' | 'disposition' | 'proposedDiff'> {
  status: CommentStatus;
  rejectReason: RejectReason | null;
  authorId: string | null;
  authorName: string | null;
  authorEmail: string | null;
  groupId: string | null;
  /// How many comments share the group (1 when alone or not grouped yet).
  groupSize: number;
  tags: string[];
  assigneeId: string | null;
  assigneeName: string | null;
  disposition: DispositionView | null;
}

/// A commenter's own comment with what happened to it.
export interface MyComment {
  id: string;
  reference: string;
  consultationId: string;
  consultationTitle: string;
  articleLabel: string | null;
  body: string;
  status: CommentStatus;
  rejectReason: RejectReason | null;
  createdAt: string;
  disposition: DispositionView | null;
}

/// What a commenter gets back: the receipt.
export interface CommentReceipt {
  id: string;
  reference: string;
  status: Exclude<CommentStatus, 'rejected'>;
}
