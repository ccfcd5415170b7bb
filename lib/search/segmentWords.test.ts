import { describe, expect, it } from 'vitest';
import { loadQuestionVocabulary } from './loadQuestionVocabulary';
import { lexiconWords, makeSegmenter, segmentWords } from './segmentWords';

// Each test makes its own segmenter (about 0.2 s), so that what it checks is built while it runs.
const lexiconSegmenter = () => makeSegmenter(lexiconWords(loadQuestionVocabulary()));

describe('segmentWords', () => {
  it('keeps every word of the lexicon whole: legal words, both sides of the thesaurus, and stopwords of two characters or more', () => {
    // Without the lexicon the general dictionary cuts many of them (民事主体 → 民事/主体, 能不能 →
    // 能/不能), and a question's words would then miss the thesaurus and the stopword list.
    const { legalWords, thesaurus, stopwords } = loadQuestionVocabulary();
    const words = new Set([...legalWords, ...thesaurus.keys(), ...[...thesaurus.values()].flat(), ...[...stopwords].filter((w) => w.length > 1)]);
    expect(words.size).toBeGreaterThan(400);
    const cut = lexiconSegmenter();
    expect([...words].filter((w) => cut(w).length !== 1)).toEqual([]);
    expect([...words].filter((w) => segmentWords(w).length !== 1)).toEqual([]);
  });

  it('does not favour one-character stopwords, so that 能退吗 leaves 退 on its own', () => {
    const question = '我在网上买的东西有问题能退吗';
    const words = ['我', '在', '网上', '买', '的', '东西', '有', '问题', '能', '退', '吗'];
    expect(lexiconSegmenter()(question)).toEqual(words);
    expect(segmentWords(question)).toEqual(words);
  });

  it('guesses a word no dictionary holds (网约车) rather than cutting it into characters', () => {
    expect(makeSegmenter([])('网约车司机绕路')).toEqual(['网约车', '司机', '绕路']);
    expect(segmentWords('网约车司机绕路')).toEqual(['网约车', '司机', '绕路']);
  });
});
