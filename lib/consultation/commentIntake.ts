import type { DiffToken } from '@/lib/legal-text';
import type { CommentStatus, ModerationMode } from '@/lib/shared/vocabulary';
import type { CommentReceipt } from './types';

/// What `submitComment` needs to know of a consultation.
export type IntakeConsultation = { versionId: string; opensOn: string; closesOn: string; moderation: ModerationMode };

/// A checked comment, ready to be stored (its reference is drawn when it is written).
export type CommentToStore = {
  id: string;
  consultationId: string;
  authorId: string;
  articleEid: string | null;
  body: string;
  proposedText: string | null;
  proposedDiff: DiffToken[] | null;
  status: Exclude<CommentStatus, 'rejected'>;
  bodyKey: string;
  addressHash: string | null;
  /// Milliseconds since the epoch.
  at: number;
};

/// How comments reach one engine's database. `store` runs in one transaction: the sender's rate
/// limits (refused with `comment_rate_limited` and the seconds to wait), the campaign group of an
/// earlier copy of the same text, and the insert under a fresh reference (drawn again on the rare
/// clash). Two comments stored at once can neither both slip under a limit nor start two groups
/// of one text.
export type CommentIntake = {
  consultation(id: string): Promise<IntakeConsultation | undefined>;
  store(comment: CommentToStore, now: Date): Promise<CommentReceipt>;
};

