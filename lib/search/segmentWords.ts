import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { loadQuestionVocabulary, type QuestionVocabulary } from './loadQuestionVocabulary';

/// Frequency given to the legal words, thesaurus words and stopwords in the segmenter's
/// dictionary: above the general words they are made of (劳动 + 合同, 能 + 不能), so that they
/// come out whole.
const LEGAL_WORD_FREQUENCY = 20_000;

/// The words the segmenter learns on top of its general dictionary: the legal words, both sides
/// of the thesaurus, and the stopwords of more than one character (one-character stopwords are
/// left as they are: raised, they would swallow their neighbours, 能退 for 能 + 退).
export function lexiconWords({ legalWords, thesaurus, stopwords }: QuestionVocabulary): string[] {
  const multi = [...stopwords].filter((w) => w.length > 1);
  return [...new Set([...legalWords, ...thesaurus.keys(), ...[...thesaurus.values()].flat(), ...multi])];
}

/// A segmenter: jieba (the `@node-rs/jieba` binding of jieba-rs) with its general dictionary plus
/// `words`, unknown words guessed by its HMM. Punctuation and spaces come back as words of their
/// own. Loading the dictionary (about 5 MB) takes about 0.2 s.
export function makeSegmenter(words: readonly string[]): (text: string) => string[] {
  const jieba = Jieba.withDict(dict);
  jieba.loadDict(Buffer.from(words.map((w) => `${w} ${LEGAL_WORD_FREQUENCY} n`).join('\n')));
  return (text) => jieba.cut(text, true);
}

let segmenter: ((text: string) => string[]) | null = null;

/// The words of a Chinese text, cut by a segmenter that knows the words of lib/search/lexicon
/// (`lexiconWords`), made on the first call.
export function segmentWords(text: string): string[] {
  segmenter ??= makeSegmenter(lexiconWords(loadQuestionVocabulary()));
  return segmenter(text);
}
