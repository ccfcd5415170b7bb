import { createHash } from 'node:crypto';

// Whitespace, punctuation (\p{P}) and symbols (\p{S}): what copies of one campaign text differ in.
const noise = /[\s\p{P}\p{S}]+/gu;

/// The campaign key of a comment body: SHA-256 (hex) of the body after NFKC (full-width letters
/// and digits become ASCII), with whitespace, punctuation and symbols removed, lowercased. Two
/// copies of one campaign letter get the same key however they were spaced or punctuated.
export function commentBodyKey(body: string): string {
  return createHash('sha256').update(body.normalize('NFKC').replace(noise, '').toLowerCase()).digest('hex');
}
