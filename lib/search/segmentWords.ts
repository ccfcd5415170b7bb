import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { loadQuestionVocabulary } from './loadQuestionVocabulary';

/// Frequency given to the legal words, thesaurus words and stopwords in the segmenter's
/// dictionary: above the general words they are made of (劳动 + 合同, 能 + 不能), so that they
/// come out whole.
const LEGAL_WORD_FREQUENCY = 20_000;

let segmenter: Jieba | null = null;

/// The words of a Chinese text as jieba (the `@node-rs/jieba` binding of jieba-rs) cuts them with
/// its general dictionary plus the legal words, thesaurus words and stopwords of lib/search/lexicon,
/// unknown words guessed by its HMM. Punctuation and spaces come back as words of their own.
/// The dictionary (about 5 MB) is loaded on the first call, about 0.2 s.
export function segmentWords(text: string): string[] {
  if (!segmenter) {
    const { legalWords, thesaurus, stopwords } = loadQuestionVocabulary();
    const multi = [...stopwords].filter((w) => w.length > 1);
    const words = new Set([...legalWords, ...thesaurus.keys(), ...[...thesaurus.values()].flat(), ...multi]);
    const jieba = Jieba.withDict(dict);
    jieba.loadDict(Buffer.from([...words].map((w) => `${w} ${LEGAL_WORD_FREQUENCY} n`).join('\n')));
    segmenter = jieba;
  }
  return segmenter.cut(text, true);
}
