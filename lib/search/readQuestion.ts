import { loadQuestionVocabulary } from './loadQuestionVocabulary';
import { segmentWords } from './segmentWords';
import { foldText } from './tokenize';
import { MAX_QUERY_LENGTH } from './limits';

/// Longest question read, in characters; the rest is cut off (and the reading says so).
export const QUESTION_LIMIT = MAX_QUERY_LENGTH;

/// Weight of a word of the asker's own.
export const QUERY_WEIGHT = 1;

/// Weight of a statutory term that stands in for one of the asker's words (tuned on the
/// development half of the question set, see bench/questions.ts).
export const EXPANSION_WEIGHT = 0.7;

/// One search term of a reading.
export interface QuestionTerm {
  text: string;
  weight: number;
  /// `query`: the asker's own word; `expansion`: a statutory term from the thesaurus.
  source: 'query' | 'expansion';
  /// For an expansion, the asker's word it stands in for.
  from?: string;
}

/// What a question was read as: the terms to search for, the words left out as saying nothing
/// about the law, the expansions applied, and whether the question was cut.
export interface QuestionReading {
  terms: QuestionTerm[];
  /// Question words and particles that were left out (是否, 怎么办, 吗), each once, in order.
  dropped: string[];
  /// The thesaurus entries applied, each with the terms it added.
  expansions: { from: string; to: string[] }[];
  /// Set when the question was longer than `QUESTION_LIMIT` characters: only the first `limit` were read.
  cut?: { limit: number; length: number };
}

/// Reads a citizen's question (公司不给交社保，我可以辞职并要求赔偿吗？) as weighted search terms:
/// cuts it into words (jieba with the legal words of lib/search/lexicon), leaves out question words
/// and particles, and adds the statutory terms the thesaurus gives for colloquial words (老板 →
/// 用人单位) at a lower weight. `without` switches expansions off: a colloquial word there gets
/// none, a statutory term there is never added. Text without letters, digits or ideographs gives
/// no terms; a question over `QUESTION_LIMIT` characters is cut there.
export function readQuestion(q: string, opts: { without?: string[] } = {}): QuestionReading {
  const { stopwords, thesaurus } = loadQuestionVocabulary();
  const chars = Array.from(q);
  const cut = chars.length > QUESTION_LIMIT ? { limit: QUESTION_LIMIT, length: chars.length } : undefined;
  const text = foldText(cut ? chars.slice(0, QUESTION_LIMIT).join('') : q);
  const without = new Set((opts.without ?? []).map((w) => foldText(w.trim())));

  const terms: QuestionTerm[] = [];
  const dropped: string[] = [];
  const words: string[] = [];
  // The segmenter keeps 'pm2.5' and 'e-mail' together; the index holds pm2, 5, e, mail.
  for (const word of segmentWords(text).flatMap((w) => w.match(MEANINGFUL) ?? [])) {
    if (stopwords.has(word)) {
      if (!dropped.includes(word)) dropped.push(word);
    } else if (!words.includes(word)) words.push(word);
  }
  for (const word of words) terms.push({ text: word, weight: QUERY_WEIGHT, source: 'query' });

  const expansions: QuestionReading['expansions'] = [];
  for (const word of words) {
    if (without.has(word)) continue;
    const to = (thesaurus.get(word) ?? []).filter((t) => !without.has(t) && !terms.some((x) => x.text === t));
    if (to.length === 0) continue;
    for (const t of to) terms.push({ text: t, weight: EXPANSION_WEIGHT, source: 'expansion', from: word });
    expansions.push({ from: word, to });
  }
  return { terms, dropped, expansions, ...(cut ? { cut } : {}) };
}

/// The runs of letters, digits and ideographs in a word; punctuation, spaces and emoji are not searched.
const MEANINGFUL = /[\p{L}\p{N}]+/gu;
