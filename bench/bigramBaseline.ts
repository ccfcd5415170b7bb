import { foldText } from '@/lib/search';

/// BM25 parameters of the baseline, the usual defaults.
const K1 = 1.2;
const B = 0.75;

/// The tokens of a text for the baseline: every pair of adjacent CJK characters (a lone
/// character stands for itself) and every latin/digit word, folded as the index folds text.
function bigrams(text: string): string[] {
  const out: string[] = [];
  for (const run of foldText(text).match(/\p{Script=Han}+|[\p{L}\p{N}]+/gu) ?? []) {
    const chars = Array.from(run);
    if (!/\p{Script=Han}/u.test(chars[0]) || chars.length === 1) out.push(run);
    else for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  }
  return out;
}

/// The off-the-shelf CJK search that question search is measured against: BM25 (k1 1.2, b 0.75,
/// idf ln(1 + (N − df + 0.5)/(df + 0.5))) over character bigrams, a question's bigrams OR-ed
/// (each counted once), every matching document scored, in memory. Returns a search function
/// giving the ids of the best `k` documents, best first (ties: the lower id first).
export function bigramBaseline(docs: { id: number; text: string }[]): (q: string, k: number) => number[] {
  const postings = new Map<string, { id: number; tf: number }[]>();
  const length = new Map<number, number>();
  let total = 0;
  for (const doc of docs) {
    const tokens = bigrams(doc.text);
    length.set(doc.id, tokens.length);
    total += tokens.length;
    const tf = new Map<string, number>();
    for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [t, n] of tf) {
      const list = postings.get(t) ?? [];
      list.push({ id: doc.id, tf: n });
      postings.set(t, list);
    }
  }
  const n = docs.length;
  const avgdl = n ? total / n : 1;
  return (q, k) => {
    const scores = new Map<number, number>();
    for (const token of new Set(bigrams(q))) {
      const list = postings.get(token);
      if (!list) continue;
      const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
      for (const { id, tf } of list) {
        const norm = tf + K1 * (1 - B + (B * (length.get(id) ?? 0)) / avgdl);
        scores.set(id, (scores.get(id) ?? 0) + (idf * tf * (K1 + 1)) / norm);
      }
    }
    return [...scores]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, k)
      .map(([id]) => id);
  };
}
