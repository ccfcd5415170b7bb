import { describe, expect, it } from 'vitest';
import { loadQuestionVocabulary } from './loadQuestionVocabulary';
import { EXPANSION_WEIGHT, QUERY_WEIGHT, QUESTION_LIMIT, readQuestion } from './readQuestion';

const words = (q: string, opts?: { without?: string[] }) => readQuestion(q, opts).terms.map((t) => t.text);

describe('readQuestion', () => {
  const { stopwords, thesaurus, legalWords } = loadQuestionVocabulary();

  it('cuts a question into words, keeping legal terms whole', () => {
    expect(words('谁可以成为个体工商户？')).toEqual(['成为', '个体工商户']);
    expect(words('用人单位解除劳动合同要支付经济补偿吗')).toEqual(['用人单位', '解除劳动合同', '支付', '经济补偿']);
    expect(words('物业服务人的义务有哪些')).toEqual(['物业服务人', '义务']);
  });

  it('keeps every legal word of the list whole inside a question', () => {
    const broken = legalWords.filter((w) => !words(`请问${w}是什么`).includes(w));
    expect(broken).toEqual([]);
  });

  it('leaves out question words and particles and says which', () => {
    const reading = readQuestion('请问房东不退押金怎么办呢？');
    expect(reading.dropped).toEqual(['请问', '不', '怎么办', '呢']);
    // Each named once, however often it was asked.
    expect(readQuestion('请问房东不退押金怎么办呢？请问物业不修怎么办？').dropped).toEqual(['请问', '不', '怎么办', '呢']);
    expect(reading.terms.filter((t) => t.source === 'query').map((t) => t.text)).toEqual(['房东', '退', '押金']);
  });

  it('gives no term for a question made only of stopwords', () => {
    const kept = [...stopwords].filter((w) => readQuestion(w).terms.length > 0);
    expect(kept).toEqual([]);
  });

  it('adds the statutory terms for colloquial words, below the asker’s own words', () => {
    const reading = readQuestion('公司不给交社保，我可以辞职并要求赔偿吗？');
    expect(reading.expansions).toContainEqual({ from: '社保', to: ['社会保险'] });
    expect(reading.expansions).toContainEqual({ from: '辞职', to: ['解除劳动合同'] });
    expect(reading.terms).toContainEqual({ text: '社会保险', weight: EXPANSION_WEIGHT, source: 'expansion', from: '社保' });
    expect(reading.terms.find((t) => t.text === '社保')).toEqual({ text: '社保', weight: QUERY_WEIGHT, source: 'query' });
    expect(EXPANSION_WEIGHT).toBeLessThan(QUERY_WEIGHT);
  });

  it('expands every colloquial word of the thesaurus when a question uses it', () => {
    const missed = [...thesaurus].filter(([from, to]) => {
      const reading = readQuestion(`请问${from}怎么办？`);
      return !reading.expansions.some((e) => e.from === from && e.to.every((t) => to.includes(t)));
    });
    expect(missed.map(([from]) => from)).toEqual([]);
  });

  it('does not add a term the asker typed already', () => {
    const reading = readQuestion('辞职以后解除劳动合同的经济补偿');
    expect(reading.terms.filter((t) => t.text === '解除劳动合同')).toEqual([{ text: '解除劳动合同', weight: QUERY_WEIGHT, source: 'query' }]);
    expect(reading.expansions.find((e) => e.from === '辞职')).toBeUndefined();
  });

  it('switches an expansion off by the colloquial word or by the statutory term', () => {
    const q = '公司不给交社保，我可以辞职并要求赔偿吗？';
    expect(readQuestion(q, { without: ['辞职'] }).expansions.map((e) => e.from)).not.toContain('辞职');
    expect(words(q, { without: ['辞职'] })).toContain('辞职');
    expect(words(q, { without: ['社会保险'] })).not.toContain('社会保险');
    expect(words(q, { without: ['辞职', '社保'] })).not.toContain('解除劳动合同');
    // As typed into a form, with spaces around.
    expect(readQuestion(q, { without: [' 辞职 '] }).expansions.map((e) => e.from)).not.toContain('辞职');
  });

  it('counts a repeated word once', () => {
    expect(words('商标 商标 商标')).toEqual(['商标']);
  });

  it('cuts a question longer than the limit and says where', () => {
    const long = `${'商标注册'.repeat(QUESTION_LIMIT / 4)}个体工商户${'。'.repeat(1000 - QUESTION_LIMIT - 5)}`;
    expect(Array.from(long).length).toBe(1000);
    const reading = readQuestion(long);
    expect(reading.cut).toEqual({ limit: QUESTION_LIMIT, length: 1000 });
    expect(reading.terms.map((t) => t.text)).not.toContain('个体工商户');
    expect(reading.terms).toEqual(readQuestion(Array.from(long).slice(0, QUESTION_LIMIT).join('')).terms);
    expect(readQuestion('商标注册').cut).toBeUndefined();
    // A question of exactly the limit is whole.
    expect(readQuestion('商标注册'.repeat(QUESTION_LIMIT / 4)).cut).toBeUndefined();
  });

  it('gives no terms for punctuation, emoji or spaces only', () => {
    for (const q of ['？？？', '😀😀🐶', '   \t\n', '，。！…—“”《》', '']) expect(readQuestion(q)).toEqual({ terms: [], dropped: [], expansions: [] });
  });

  it('treats search syntax as words, folding width and case', () => {
    expect(words('" OR 1=1 --')).toEqual(['or', '1']);
    expect(words('ＰＭ２.５超标')).toEqual(['pm2', '5', '超标']);
  });
});
