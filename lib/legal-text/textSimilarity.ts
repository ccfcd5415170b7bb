/// A text reduced to its character bigrams with counts, so that many pairwise similarities can
/// be computed without re-reading the texts.
export interface BigramProfile {
  counts: Map<number, number>;
  size: number;
}

/// The bigram profile of a text; line breaks and spaces are ignored.
export function bigramProfile(text: string): BigramProfile {
  const chars = [...text.replace(/\s+/g, '')].map((c) => c.codePointAt(0)!);
  const counts = new Map<number, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const key = chars[i] * 0x110000 + chars[i + 1];
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return { counts, size: Math.max(0, chars.length - 1) };
}

/// How alike two texts are, 0–1: the Dice coefficient of their bigram multisets.
export function profileSimilarity(a: BigramProfile, b: BigramProfile): number {
  if (a.size === 0 || b.size === 0) return a.size === b.size ? 1 : 0;
  const [small, large] = a.counts.size <= b.counts.size ? [a, b] : [b, a];
  let shared = 0;
  for (const [key, n] of small.counts) {
    const m = large.counts.get(key);
    if (m) shared += Math.min(n, m);
  }
  return (2 * shared) / (a.size + b.size);
}
