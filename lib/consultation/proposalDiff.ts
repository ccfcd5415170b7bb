import { wordDiff, type DiffToken } from '@/lib/legal-text';

/// The word difference a comment's proposed wording makes to its article (`original`: the
/// article's text in the consulted version), as stored with the comment and shown under it; null
/// when there is nothing to compare (no proposal, or a comment on the draft as a whole).
///
/// The only place a proposal is diffed: once when the comment is stored (`submitComment`), or
/// once for an older row when the public list first reads it. Worst case about 0.2 s of CPU for
/// a 5,000-character proposal sharing nothing with its article, so never per page view.
export function proposalDiff(original: string | undefined, proposedText: string | null | undefined): DiffToken[] | null {
  if (original === undefined || !proposedText) return null;
  return wordDiff(original, proposedText);
}
