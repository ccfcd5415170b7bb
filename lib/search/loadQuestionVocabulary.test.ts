import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuestionVocabulary, vocabularyLoader } from './loadQuestionVocabulary';

describe('loadQuestionVocabulary', () => {
  const { legalWords, stopwords, thesaurus } = loadQuestionVocabulary();
  const thesaurusWords = new Set([...thesaurus.keys(), ...[...thesaurus.values()].flat()]);

  it('never leaves out a word that is a legal term or a thesaurus word', () => {
    expect([...stopwords].filter((w) => legalWords.includes(w))).toEqual([]);
    expect([...stopwords].filter((w) => thesaurusWords.has(w))).toEqual([]);
  });

  it('keeps the question words and particles a question is asked with', () => {
    for (const w of ['是否', '可以', '怎么办', '什么', '吗', '呢', '请问', '我', '他', '了', '的']) expect(stopwords.has(w), w).toBe(true);
  });

  it('keeps the legal terms whole that the statutes use as such', () => {
    for (const w of ['用人单位', '劳动合同', '个体工商户', '经济补偿', '解除劳动合同', '物业服务人']) expect(legalWords, w).toContain(w);
  });

  it('reads word lists separated by spaces or lines, with comments, from another folder', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lawbench-vocabulary-'));
    try {
      writeFileSync(path.join(dir, 'legalWords.txt'), '# terms\n用人单位 劳动者\n劳动者\n');
      writeFileSync(path.join(dir, 'stopwords.txt'), '吗 呢 # particles\n\n的');
      writeFileSync(path.join(dir, 'thesaurus.tsv'), '老板\t用人单位\n');
      const v = loadQuestionVocabulary(dir);
      expect(v.legalWords).toEqual(['用人单位', '劳动者']);
      expect([...v.stopwords]).toEqual(['吗', '呢', '的']);
      expect([...v.thesaurus]).toEqual([['老板', ['用人单位']]]);
      expect(loadQuestionVocabulary().thesaurus).toBe(thesaurus);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads the lexicon folder once per process, and another folder every time', () => {
    // A fresh loader, so that what the process's one kept from an earlier test cannot stand in for it.
    const load = vocabularyLoader();
    const first = load();
    expect(load()).toBe(first);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lawbench-vocabulary-'));
    try {
      for (const file of ['legalWords.txt', 'stopwords.txt']) writeFileSync(path.join(dir, file), '吗\n');
      writeFileSync(path.join(dir, 'thesaurus.tsv'), '');
      expect(load(dir)).not.toBe(load(dir));
      expect(load()).toBe(first);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
