import { describe, expect, it } from 'vitest';
import { editPhrase, paragraphLines } from './applyAmendmentsPhrase';
import { parseRegulation } from './parse';

const SOURCE = ['# 示例条例', '第一条 养犬人应当遵守下列规定：', '1.出户时束犬链：', '（1）犬链不超过一点五米；', '（2）由成年人牵领。', '2.及时清理犬只粪便。', ''].join('\n\n');
const paragraph = () => {
  const article = parseRegulation(SOURCE).body.find((n) => n.kind === 'article');
  if (article?.kind !== 'article') throw new Error('no article');
  return article.paragraphs[0];
};

describe('paragraphLines', () => {
  it('gives the 款 without a label, then each 目 with its label, those under a 目 indented', () => {
    expect(paragraphLines(paragraph()).map((l) => [l.prefix, l.text])).toEqual([
      ['', '养犬人应当遵守下列规定：'],
      ['1.', '出户时束犬链：'],
      ['  （1）', '犬链不超过一点五米；'],
      ['  （2）', '由成年人牵领。'],
      ['2.', '及时清理犬只粪便。'],
    ]);
  });
});

describe('editPhrase', () => {
  it('rewrites the one line holding the phrase, a 目 under a 目 included', () => {
    const p = paragraph();
    editPhrase(paragraphLines(p), '一点五米', (line, at) => `${line.slice(0, at)}二米${line.slice(at + 4)}`);
    expect(p.subitems[0].subitems[0].text).toBe('犬链不超过二米；');
  });

  it('refuses a phrase found twice, one not found, and an edit that changes a label', () => {
    const p = paragraph();
    expect(() => editPhrase(paragraphLines(p), '犬', (l) => l)).toThrow('出现了');
    expect(() => editPhrase(paragraphLines(p), '猫', (l) => l)).toThrow('未找到');
    expect(() => editPhrase(paragraphLines(p), '2.及时', (line) => line.replace('2.', '3.'))).toThrow('编号');
  });
});
