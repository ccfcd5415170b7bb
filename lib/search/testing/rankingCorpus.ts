import type { Db } from '@/db/client';
import { type RegulationKind } from '@/lib/shared/vocabulary';
import { countTermOccurrences } from '../findTermOccurrences';
import { indexVersion } from '../indexVersion';
import { MAX_RANKED_TERMS } from '../limits';
import { queryTerms } from '../queryTerms';
import { inverseDocumentFrequency, scoreToken } from '../scoreToken';
import { foldText, indexedLength, tokenizeForIndex } from '../tokenize';
import { addRegulationVersion } from './library';

/// mulberry32: a small seeded PRNG, so that a failing random case can be replayed by its seed.
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = Array.from('法律条例管理市人民政府犬只养登记罚款物业服务企业城乡规划噪声电梯殡葬车辆交通事故鉴定证据');

/// A character of ALPHABET, the first ones far more often than the last (Zipf), so that some
/// terms are in most articles and others in a few, as in statute text.
function zipfChar(rnd: () => number): string {
  return ALPHABET[Math.min(ALPHABET.length - 1, Math.floor(ALPHABET.length ** rnd()) - 1)];
}

/// An indexed random library for ranking tests: articles over a small alphabet (so that terms
/// share bigrams, repeat, and tie), a few latin words and punctuation, in regulations of every
/// kind. Returns the texts by article id and each article's regulation.
export function buildRankingCorpus(db: Db, seed: number, regulations = 6): { texts: Map<number, string>; regulationOf: Map<number, string> } {
  const rnd = seededRandom(seed);
  const words = ['pm2', 'a', 'gb30'];
  const kinds: RegulationKind[] = ['local_regulation', 'government_rule', 'industry_norm'];
  const texts = new Map<number, string>();
  const regulationOf = new Map<number, string>();
  for (let r = 0; r < regulations; r++) {
    const count = 20 + Math.floor(rnd() * 60);
    const articles: string[] = [];
    for (let a = 0; a < count; a++) {
      const length = 1 + Math.floor(rnd() ** 2 * 120);
      let text = '';
      for (let c = 0; c < length; c++) {
        const roll = rnd();
        text += roll < 0.9 ? zipfChar(rnd) : roll < 0.95 ? '，' : ` ${words[Math.floor(rnd() * words.length)]} `;
      }
      articles.push(text);
    }
    const id = `reg-${seed}-${r}`;
    const { versionId, articleIds } = addRegulationVersion(db, { id, title: `第${r}号规定`, kind: kinds[r % kinds.length], articles });
    articleIds.forEach((articleId, i) => {
      texts.set(articleId, articles[i]);
      regulationOf.set(articleId, id);
    });
    indexVersion(db, versionId);
  }
  return { texts, regulationOf };
}

/// A random weighted question for a ranking corpus: 1–12 words, most cut from an article (so
/// they occur), some made up (they may not), weights 0.3–2.5, now and then a word twice.
export function randomQuestion(rnd: () => number, texts: string[]): { text: string; weight: number }[] {
  const weights = [1, 1, 0.6, 0.3, 2.5];
  const n = 1 + Math.floor(rnd() * 12);
  const terms: { text: string; weight: number }[] = [];
  for (let i = 0; i < n; i++) {
    const length = 1 + Math.floor(rnd() * 4);
    let text: string;
    if (rnd() < 0.8) {
      const source = Array.from(texts[Math.floor(rnd() * texts.length)]);
      const at = Math.floor(rnd() * Math.max(source.length - length, 1));
      text = source.slice(at, at + length).join('');
    } else text = Array.from({ length }, () => zipfChar(rnd)).join('');
    terms.push({ text, weight: weights[Math.floor(rnd() * weights.length)] });
    if (rnd() < 0.1) terms.push({ text, weight: weights[Math.floor(rnd() * weights.length)] });
  }
  return terms;
}

/// The ranking `rankArticles` promises, computed the slow way from the texts alone (no index):
/// every article scored as Σ over terms of max(1, round(weight × idf × BM25 factor × 100)) in
/// millionths, idf from the rarest token of the term, terms split, merged and capped as
/// documented; articles with a positive score, best first, ties by article id.
export function rankByText(texts: Map<number, string>, input: { text: string; weight: number }[], allowed?: (articleId: number) => boolean) {
  const df = new Map<string, number>();
  for (const text of texts.values()) for (const token of tokenizeForIndex(text).keys()) df.set(token, (df.get(token) ?? 0) + 1);
  const n = texts.size;
  const merged = new Map<string, { term: ReturnType<typeof queryTerms>[number]; weight: number; order: number }>();
  for (const { text, weight } of input) {
    for (const term of queryTerms(text)) {
      const seen = merged.get(term.text);
      if (!seen) merged.set(term.text, { term, weight, order: merged.size });
      else seen.weight = Math.max(seen.weight, weight);
    }
  }
  const terms = [...merged.values()]
    .filter(({ term }) => term.tokens.every((t) => (df.get(t) ?? 0) > 0))
    .map((t) => ({ ...t, driverDf: Math.min(...t.term.tokens.map((tok) => df.get(tok)!)) }))
    .sort((a, b) => b.weight - a.weight || a.driverDf - b.driverDf || a.order - b.order)
    .slice(0, MAX_RANKED_TERMS);
  const scored: { articleId: number; points: number }[] = [];
  for (const [articleId, text] of texts) {
    if (allowed && !allowed(articleId)) continue;
    const folded = foldText(text);
    const length = indexedLength(text);
    let points = 0;
    for (const t of terms) {
      const tf = countTermOccurrences(folded, t.term);
      const factor = (t.weight * inverseDocumentFrequency(t.driverDf, n) * 1_000_000) / 10_000;
      if (tf > 0) points += Math.max(1, Math.round(factor * scoreToken(tf, length)));
    }
    if (points > 0) scored.push({ articleId, points });
  }
  return scored.sort((a, b) => b.points - a.points || a.articleId - b.articleId);
}
