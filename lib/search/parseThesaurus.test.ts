import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseThesaurus, ThesaurusError } from './parseThesaurus';
import { foldText } from './tokenize';

const repositoryThesaurus = readFileSync(path.join(process.cwd(), 'lib/search/lexicon/thesaurus.tsv'), 'utf8');

/// The statute texts in the repository: the laws of the question set and the dev corpus.
function statuteText(): string {
  const dirs = ['testdata/questions/laws', 'testdata/corpus/dev'].map((d) => path.join(process.cwd(), d));
  return dirs.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => readFileSync(path.join(dir, f), 'utf8'))).join('\n');
}

const message = (text: string) => {
  try {
    parseThesaurus(text);
  } catch (e) {
    if (e instanceof ThesaurusError) return { line: e.line, message: e.message };
    throw e;
  }
  return null;
};

describe('parseThesaurus', () => {
  it('reads every entry of the repository thesaurus', () => {
    const thesaurus = parseThesaurus(repositoryThesaurus);
    const lines = repositoryThesaurus.split('\n').filter((l) => l.replace(/#.*$/, '').trim()).length;
    expect(thesaurus.size).toBe(lines);
    expect(thesaurus.size).toBeGreaterThan(10);
  });

  it('maps only to terms the statutes in the repository use', () => {
    const statutes = foldText(statuteText());
    const missing = [...parseThesaurus(repositoryThesaurus)].flatMap(([from, to]) => to.filter((t) => !statutes.includes(t)).map((t) => `${from} → ${t}`));
    expect(missing).toEqual([]);
  });

  it('reads words, several terms and comments', () => {
    const thesaurus = parseThesaurus('# people\n老板\t用人单位\n\n辞退\t解除劳动合同 解除 # both\r\n');
    expect([...thesaurus]).toEqual([
      ['老板', ['用人单位']],
      ['辞退', ['解除劳动合同', '解除']],
    ]);
  });

  it('reads spaces around the tab and between terms as one separator', () => {
    expect([...parseThesaurus('辞退 \t 解除劳动合同  解除\n')]).toEqual([['辞退', ['解除劳动合同', '解除']]]);
  });

  it('refuses a line that is not word<TAB>terms, naming the line', () => {
    expect(message('老板\t用人单位\n老板 用人单位')).toMatchObject({ line: 2, message: expect.stringContaining('expected') });
    expect(message('老板\t')).toMatchObject({ line: 1, message: expect.stringContaining('expected') });
    expect(message('老 板\t用人单位')).toMatchObject({ line: 1, message: expect.stringContaining('not one word') });
    expect(message('老板\t用人，单位')).toMatchObject({ line: 1, message: expect.stringContaining('not one word') });
  });

  it('refuses a word that maps to itself', () => {
    expect(message('赔偿\t赔偿 赔钱')).toMatchObject({ line: 1, message: expect.stringContaining('maps to itself') });
  });

  it('refuses a key given twice and a term given twice in one entry', () => {
    expect(message('老板\t用人单位\n狗\t犬\n老板\t雇主')).toMatchObject({ line: 3, message: expect.stringContaining('already an entry (line 1)') });
    expect(message('狗\t犬 犬')).toMatchObject({ line: 1, message: expect.stringContaining('given twice') });
  });

  it('refuses loops of two words and longer ones, naming the words along the loop', () => {
    expect(message('老板\t用人单位\n用人单位\t老板')?.message).toContain('老板 → 用人单位 → 老板');
    expect(message('甲\t乙\n乙\t丙 丁\n丁\t甲')?.message).toContain('甲 → 乙 → 丁 → 甲');
    expect(message('甲\t乙\n乙\t丙\n丁\t乙')).toBeNull();
  });

  it('names only the words of the loop, on the line of its first entry, when the way in is longer', () => {
    expect(message('甲\t乙\n乙\t丙\n丙\t乙')).toEqual({ line: 2, message: 'thesaurus line 2: loop 乙 → 丙 → 乙' });
  });

  it('finds a loop that the first entries do not lead to', () => {
    expect(message('老板\t用人单位\n甲\t乙\n乙\t甲')).toEqual({ line: 2, message: 'thesaurus line 2: loop 甲 → 乙 → 甲' });
  });

  it('says what failed when it stops the start-up: a ThesaurusError with the line', () => {
    expect(() => parseThesaurus('老板')).toThrow(ThesaurusError);
    expect(() => parseThesaurus('老板')).toThrow(
      expect.objectContaining({ name: 'ThesaurusError', message: 'thesaurus line 1: expected "word<TAB>term term …", found "老板"' }),
    );
  });
});
