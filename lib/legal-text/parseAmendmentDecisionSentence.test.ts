import { describe, expect, it } from 'vitest';
import type { AmendmentOperation } from './consolidateModel';
import { readAmendmentSentence, type SentenceFailure } from './parseAmendmentDecisionSentence';
import type { Ref } from './parseAmendmentDecisionTokens';

/// One sentence of a decision clause, the provisions the sentence before it left (null: none),
/// and what it reads into, worked out by hand from the drafting conventions: its operations and
/// the provisions it leaves to the next sentence; a failure (the sentence is in a supported form
/// but its quote does not fit it); or null with the reason it is in no supported form, which
/// the decision then reports rather than applies. Compared strictly: a key an operation does not
/// have is left out, not set to undefined. (parseAmendmentDecision.test.ts has the clause-level
/// table, `more`: whole clauses read through the decision, each expected to read without a problem.)
type Row =
  | [sentence: string, before: Ref[] | null, operations: AmendmentOperation[], leaves: Ref[] | null]
  | [sentence: string, before: Ref[] | null, failure: SentenceFailure]
  | [sentence: string, before: Ref[] | null, refused: null, why: string];

const title = ([sentence, before, expected, why]: Row) =>
  `${sentence.replace(/\n/g, '⏎')}${before ? ` after ${JSON.stringify(before)}` : ''}${expected === null ? `: not read (${why})` : ''}`;

function cases(rows: Row[]) {
  for (const row of rows) {
    it(title(row), () => {
      const [sentence, before, expected, leaves] = row;
      const read = readAmendmentSentence(sentence, before);
      if (expected === null) expect(read).toBeNull();
      else if (Array.isArray(expected)) expect(read).toStrictEqual({ operations: expected, subject: leaves });
      else expect(read).toStrictEqual(expected);
    });
  }
}

describe('readAmendmentSentence: each supported form, with what it reads into', () => {
  describe('deleting provisions', () => {
    cases([
      ['删去第三条之一', null, null, 'an article 之一 is not deleted by this form'],
      ['删去第三条、第四条第二款、第五条第（一）项、第六条第二款第（三）项', null, [{ kind: 'deleteArticle', article: 3 }, { kind: 'deleteParagraph', article: 4, paragraph: 2 }, { kind: 'deleteArticleItem', article: 5, item: 1 }, { kind: 'deleteItem', article: 6, paragraph: 2, item: 3 }], null],
      ['将第三条之一删去', null, null, 'an article 之一 is not deleted by this form'],
      ['删去第二款', [{ article: 3 }], [{ kind: 'deleteParagraph', article: 3, paragraph: 2 }], [{ article: 3 }]],
      ['删去第二款', [{ article: 3 }, { article: 4 }], null, 'a 款 after two articles has no one article'],
      ['删去第（二）项', [{ article: 3, paragraph: 2 }], [{ kind: 'deleteItem', article: 3, paragraph: 2, item: 2 }], [{ article: 3 }]],
      ['删去第（二）项', [{ article: 3 }], [{ kind: 'deleteArticleItem', article: 3, item: 2 }], [{ article: 3 }]],
      ['删去第三条第二款、第（一）项', null, [{ kind: 'deleteParagraph', article: 3, paragraph: 2 }, { kind: 'deleteItem', article: 3, paragraph: 2, item: 1 }], [{ article: 3 }]],
      ['删去第三条第二款、第四款', null, [{ kind: 'deleteParagraph', article: 3, paragraph: 2 }, { kind: 'deleteParagraph', article: 3, paragraph: 4 }], [{ article: 3 }]],
      ['删去第三条第二款第（一）项、第（二）项', null, [{ kind: 'deleteItem', article: 3, paragraph: 2, item: 1 }, { kind: 'deleteItem', article: 3, paragraph: 2, item: 2 }], [{ article: 3 }]],
    ]);
  });

  describe('replacing an article, a 款 or a 项', () => {
    cases([
      ['将第三条修改为：“甲。”', null, [{ kind: 'replaceArticle', article: 3, text: '甲。' }], [{ article: 3 }]],
      ['将第三条修改为：“第三条　甲。”', null, [{ kind: 'replaceArticle', article: 3, text: '甲。' }], [{ article: 3 }]],
      ['将第三条修改为：“第四条　甲。”', null, [{ kind: 'replaceArticle', article: 3, text: '第四条　甲。' }], [{ article: 3 }]],
      ['将第三条改为第五条，修改为：“第五条　甲。”', null, [{ kind: 'moveArticle', article: 3, position: 5 }, { kind: 'replaceArticle', article: 3, text: '甲。' }], [{ article: 3 }]],
      ['将第三条第二款修改为：“甲。”', null, [{ kind: 'replaceParagraph', article: 3, paragraph: 2, text: '甲。' }], [{ article: 3 }]],
      ['将第三条第（二）项修改为：“（二）甲；”', null, [{ kind: 'replaceItem', article: 3, item: 2, text: '（二）甲；' }], [{ article: 3 }]],
      ['将第三条第二款第（二）项修改为：“（二）甲；”', null, [{ kind: 'replaceItem', article: 3, paragraph: 2, item: 2, text: '（二）甲；' }], [{ article: 3 }]],
      ['将第三条第（二）项修改为：“（二）甲；\n（三）乙。”', null, { code: 'bad_quoted_text', message: '引号中有两项，而决定只修改一项（应写明“修改为两项”）' }],
      ['将第三条第（二）项修改为：“（二）甲；\n（三）乙；\n（四）丙。”', null, { code: 'bad_quoted_text', message: '引号中有三项，而决定只修改一项（应写明“修改为三项”）' }],
      ['将第三条之一修改为：“甲。”', null, null, 'an article 之一 is not replaced by this form'],
      ['将本条例中的“甲”修改为：“乙”', null, [{ kind: 'replacePhraseThroughout', scopes: 'text', phrase: '甲', replacement: '乙' }], [{ whole: true }]],
      ['修改为：“甲。”', [{ article: 3 }], [{ kind: 'replaceArticle', article: 3, text: '甲。' }], [{ article: 3 }]],
      ['修改为：“甲。”', [{ article: 3 }, { article: 4 }], null, 'two articles before: which one is replaced is unsaid'],
    ]);
  });

  describe('splitting a 款 or a 项 in several', () => {
    cases([
      ['将第三条第二款修改为两款，作为第二款、第三款：“甲。\n乙。”', null, [{ kind: 'replaceParagraph', article: 3, paragraph: 2, text: '甲。\n乙。' }], [{ article: 3 }]],
      ['将第三条第二款修改为两款，作为第二款、第三款：“甲。”', null, { code: 'bad_quoted_text', message: '决定写明修改为两款，而引号中有一款' }],
      ['将第三条第二款修改为两款，作为第二款、第三款：“第一章　总则”', null, { code: 'bad_quoted_text', message: '决定写明修改为两款，而引号中没有可作为款的文字' }],
      ['将第三条第二款修改为两款，作为第二款：“甲。\n乙。”', null, null, 'two 款 but one position'],
      ['将第三条修改为两款，作为第二款、第三款：“甲。\n乙。”', null, null, 'an article is not split into 款'],
      ['将第三条第二款第（一）项修改为两款，作为第二款、第三款：“甲。\n乙。”', null, null, 'a 项 is not split into 款'],
      ['将第三条第（一）项修改为两项，作为第（一）项、第（二）项：“（一）甲；\n（二）乙。”', null, [{ kind: 'replaceItem', article: 3, item: 1, text: '（一）甲；\n（二）乙。' }], [{ article: 3 }]],
      ['将第三条第二款第（一）项修改为两项，作为第（一）项、第（二）项：“（一）甲；\n（二）乙。”', null, [{ kind: 'replaceItem', article: 3, paragraph: 2, item: 1, text: '（一）甲；\n（二）乙。' }], [{ article: 3 }]],
      ['将第三条第二款修改为两项，作为第（一）项、第（二）项：“（一）甲；\n（二）乙。”', null, null, 'a 款 is not split into 项'],
      ['将第三条第（一）项修改为两项，作为第（一）项、第（二）项：“（一）甲；”', null, { code: 'bad_quoted_text', message: '决定写明修改为两项，而引号中有一项' }],
      ['将第三条第二款修改为零款，作为第二款：“甲。”', null, null, 'zero 款'],
    ]);
  });

  describe('adding articles', () => {
    cases([
      ['增加一条，作为第五条：“甲。”', null, [{ kind: 'addArticle', position: 5, text: '甲。' }], null],
      ['在第四条后增加一条，作为第五条：“甲。”', null, [{ kind: 'addArticle', position: 5, after: 4, text: '甲。' }], null],
      ['在第四条第二款后增加一条，作为第五条：“甲。”', null, null, 'an article is added after an article, not after a 款'],
      ['在第四条第（一）项后增加一条，作为第五条：“甲。”', null, null, 'nor after a 项'],
      ['在第四条之一后增加一条，作为第五条：“甲。”', null, null, 'nor after an article 之一'],
      ['增加一条，作为第五条第二款：“甲。”', null, null, 'an article’s position is an article'],
      ['增加一条，作为第五条第（一）项：“甲。”', null, null, 'an article’s position is an article'],
      ['增加两条，分别作为第五条、第六条：“甲。”“乙。”', null, [{ kind: 'addArticle', position: 5, text: '甲。' }, { kind: 'addArticle', position: 6, text: '乙。' }], null],
      ['增加两条，分别作为第五条、第六条：“第五条　甲。\n第六条　乙。”', null, [{ kind: 'addArticle', position: 5, text: '甲。' }, { kind: 'addArticle', position: 6, text: '乙。' }], null],
      ['增加两条，分别作为第五条、第六条：“甲。\n乙。”', null, { code: 'bad_quoted_text', message: '决定增加两条，引号中的条文不能分成两条（多条时每条须写明条号或各用一对引号）' }],
      ['增加两条，作为第五条：“甲。”“乙。”', null, null, 'two articles but one position'],
      ['增加一条，作为第五条：“第五条　甲。\n乙。”', null, [{ kind: 'addArticle', position: 5, text: '甲。\n乙。' }], null],
      ['增加一条，作为第五条：“甲。\n\n乙。”', null, [{ kind: 'addArticle', position: 5, text: '甲。\n乙。' }], null],
      ['增加两条，分别作为第五条、第六条：“序言。\n第五条　甲。\n第六条　乙。”', null, { code: 'bad_quoted_text', message: '决定增加两条，引号中的条文不能分成两条（多条时每条须写明条号或各用一对引号）' }],
      ['增加两条，分别作为第五条、第六条：“第五条　甲。”', null, { code: 'bad_quoted_text', message: '决定增加两条，引号中的条文不能分成两条（多条时每条须写明条号或各用一对引号）' }],
      ['在第四条后增加一条，作为第四条之一：“甲。”', null, [{ kind: 'addSubArticle', after: 4, sub: 1, text: '甲。' }], null],
      ['在第三条后增加一条，作为第四条之一：“甲。”', null, null, 'an article 之一 follows its own article'],
      ['增加一条，作为第四条之一：“第四条之一　甲。”', null, [{ kind: 'addSubArticle', after: 4, sub: 1, text: '甲。' }], null],
    ]);
  });

  describe('adding 款 and 项', () => {
    cases([
      ['在第四条后增加两条，分别作为第四条之一、第四条之二：“甲。”“乙。”', null, [{ kind: 'addSubArticle', after: 4, sub: 1, text: '甲。' }, { kind: 'addSubArticle', after: 4, sub: 2, text: '乙。' }], null],
      ['在第四条中增加一款，作为第二款：“甲。”', null, [{ kind: 'addParagraph', article: 4, paragraph: 2, text: '甲。' }], [{ article: 4 }]],
      ['在第四条第一款后增加一款，作为第二款：“甲。”', null, [{ kind: 'addParagraph', article: 4, paragraph: 2, text: '甲。' }], [{ article: 4 }]],
      ['在第四条中增加一款，作为第二款：“甲。\n乙。”', null, { code: 'bad_quoted_text', message: '决定增加一款，而引号中有两款' }],
      ['在第四条中增加一款，作为第二款：“第四条　甲。”', null, { code: 'bad_quoted_text', message: '决定增加一款，而引号中没有可作为款的文字' }],
      ['在第四条中增加三款，分别作为第二款、第三款、第四款：“甲。\n乙。”', null, { code: 'bad_quoted_text', message: '决定增加三款，而引号中有两款' }],
      ['在第四条中增加两款，分别作为第二款、第三款：“甲。\n乙。”', null, [{ kind: 'addParagraph', article: 4, paragraph: 2, text: '甲。\n乙。' }], [{ article: 4 }]],
      ['在第四条中增加两款，作为第二款：“甲。\n乙。”', null, null, 'two 款 but one position'],
      ['在第四条中增加一款，作为第五条第二款：“甲。”', null, null, 'the position is in another article'],
      ['在第四条中增加一款，作为第四条第二款：“甲。”', null, [{ kind: 'addParagraph', article: 4, paragraph: 2, text: '甲。' }], [{ article: 4 }]],
      ['增加一款，作为第四条第二款：“甲。”', null, [{ kind: 'addParagraph', article: 4, paragraph: 2, text: '甲。' }], [{ article: 4 }]],
      ['增加一款，作为第二款：“甲。”', null, null, 'no article said or left by the sentence before'],
      ['增加一款，作为第二款：“甲。”', [{ article: 4 }], [{ kind: 'addParagraph', article: 4, paragraph: 2, text: '甲。' }], [{ article: 4 }]],
      ['增加一款，作为第二款：“甲。”', [{ article: 4, paragraph: 1 }], [{ kind: 'addParagraph', article: 4, paragraph: 2, text: '甲。' }], [{ article: 4 }]],
      ['在第四条第一款中增加一项，作为第（三）项：“（三）甲；”', null, [{ kind: 'addItem', article: 4, paragraph: 1, item: 3, text: '（三）甲；' }], [{ article: 4 }]],
      ['在第四条中增加一项，作为第（三）项：“（三）甲；”', null, [{ kind: 'addItem', article: 4, item: 3, text: '（三）甲；' }], [{ article: 4 }]],
      ['在第四条第（二）项后增加一项，作为第（三）项：“（三）甲；”', null, [{ kind: 'addItem', article: 4, item: 3, after: 2, text: '（三）甲；' }], [{ article: 4 }]],
      ['在第四条第一款第（二）项后增加一项，作为第（三）项：“（三）甲；”', null, [{ kind: 'addItem', article: 4, paragraph: 1, item: 3, after: 2, text: '（三）甲；' }], [{ article: 4 }]],
      ['在第四条中增加一款，作为第四条第二款第（一）项：“甲。”', null, null, 'a 款’s position is no 项'],
      ['在第四条第（一）项中增加一款，作为第二款：“甲。”', null, null, 'a 款 is added in an article, not in a 项'],
      ['在第四条第一款后增加一项，作为第（三）项：“（三）甲；”', null, null, 'a 项 is added after a 项 or in a 款, not after a 款'],
      ['在第四条后增加一款，作为第二款：“甲。”', null, null, 'a 款 is added in an article or after a 款'],
      ['在第四条之一中增加一款，作为第二款：“甲。”', null, null, 'not in an article 之一'],
      ['在第四条之一中增加一款，作为第四条第二款：“甲。”', null, null, 'not in an article 之一, even with the article in the position'],
      ['增加一款，作为第四条第二款、第三款：“甲。”', null, null, 'one 款 but two positions'],
      ['在第四条中增加零款，作为第二款：“甲。”', null, null, 'zero 款'],
      ['在第四条中增加一项，作为第（三）项：“（三）甲；\n（四）乙；”', null, { code: 'bad_quoted_text', message: '决定增加一项，而引号中有两项' }],
      ['增加一项，作为第四条第（三）项：“（三）甲；”', null, [{ kind: 'addItem', article: 4, item: 3, text: '（三）甲；' }], [{ article: 4 }]],
      ['增加一项，作为第四条第二款第（三）项：“（三）甲；”', null, [{ kind: 'addItem', article: 4, paragraph: 2, item: 3, text: '（三）甲；' }], [{ article: 4 }]],
      ['在第四条中增加一款，作为第三条第二款：“甲。”', null, null, 'the position is in another article'],
    ]);
  });

  describe('replacing, deleting and inserting phrases', () => {
    cases([
      ['将第三条中的“甲”修改为“乙”', null, [{ kind: 'replacePhrase', scope: { article: 3 }, phrase: '甲', replacement: '乙' }], [{ article: 3 }]],
      ['将第三条中的“甲”统一修改为“乙”', null, [{ kind: 'replacePhraseThroughout', scopes: [{ article: 3 }], phrase: '甲', replacement: '乙' }], [{ article: 3 }]],
      ['将第三条中的“甲”分别修改为“乙”', null, [{ kind: 'replacePhrase', scope: { article: 3 }, phrase: '甲', replacement: '乙' }], [{ article: 3 }]],
      ['将第三条、第四条中的“甲”修改为“乙”', null, [{ kind: 'replacePhraseThroughout', scopes: [{ article: 3 }, { article: 4 }], phrase: '甲', replacement: '乙' }], [{ article: 3 }, { article: 4 }]],
      ['将第三条中的“甲”、“乙”修改为“丙”', null, [{ kind: 'replacePhrase', scope: { article: 3 }, phrase: '甲', replacement: '丙' }, { kind: 'replacePhrase', scope: { article: 3 }, phrase: '乙', replacement: '丙' }], [{ article: 3 }]],
      ['将第三条中的“甲”、“乙”分别修改为“丙”、“丁”', null, [{ kind: 'replacePhrase', scope: { article: 3 }, phrase: '甲', replacement: '丙' }, { kind: 'replacePhrase', scope: { article: 3 }, phrase: '乙', replacement: '丁' }], [{ article: 3 }]],
      ['将第三条中的“甲”、“乙”修改为“丙”、“丁”、“戊”', null, null, 'two phrases, three replacements'],
      ['将第三条之一中的“甲”修改为“乙”', null, null, 'not in an article 之一'],
      ['将本条例中的“甲”修改为“乙”', null, [{ kind: 'replacePhraseThroughout', scopes: 'text', phrase: '甲', replacement: '乙' }], [{ whole: true }]],
      ['将本条例、第三条中的“甲”修改为“乙”', null, null, 'the whole text and an article together'],
      ['“丙”修改为“丁”', [{ article: 3, paragraph: 2 }], [{ kind: 'replacePhrase', scope: { article: 3, paragraph: 2 }, phrase: '丙', replacement: '丁' }], [{ article: 3, paragraph: 2 }]],
      ['“丙”修改为“丁”', [{ whole: true }], [{ kind: 'replacePhraseThroughout', scopes: 'text', phrase: '丙', replacement: '丁' }], [{ whole: true }]],
      ['“丙”修改为“丁”', null, null, 'no provision said or left by the sentence before'],
      ['将第三条第二款第（一）项中的“甲”删去', null, [{ kind: 'deletePhrase', scope: { article: 3, paragraph: 2, item: 1 }, phrase: '甲' }], [{ article: 3, paragraph: 2, item: 1 }]],
      ['删去第三条中的“甲”', null, [{ kind: 'deletePhrase', scope: { article: 3 }, phrase: '甲' }], [{ article: 3 }]],
      ['将第三条中的“甲”、“乙”删去', null, [{ kind: 'deletePhrase', scope: { article: 3 }, phrase: '甲' }, { kind: 'deletePhrase', scope: { article: 3 }, phrase: '乙' }], [{ article: 3 }]],
      ['将第三条中的“甲”统一删去', null, [{ kind: 'deletePhraseThroughout', scopes: [{ article: 3 }], phrase: '甲' }], [{ article: 3 }]],
      ['删去本条例中的“甲”', null, [{ kind: 'deletePhraseThroughout', scopes: 'text', phrase: '甲' }], [{ whole: true }]],
      ['将第三条中的“甲”后增加“乙”', null, null, 'a phrase is inserted 在…后, not 将…后'],
      ['在第三条中的“甲”前增加“乙”', null, [{ kind: 'insertPhrase', scope: { article: 3 }, anchor: '甲', side: 'before', text: '乙' }], [{ article: 3 }]],
      ['在本条例中的“甲”后面增加“乙”', null, [{ kind: 'insertPhraseThroughout', scopes: 'text', anchor: '甲', side: 'after', text: '乙' }], [{ whole: true }]],
      ['在第三条、第四条中的“甲”后增加“乙”', null, [{ kind: 'insertPhraseThroughout', scopes: [{ article: 3 }, { article: 4 }], anchor: '甲', side: 'after', text: '乙' }], [{ article: 3 }, { article: 4 }]],
    ]);
  });

  describe('moving articles', () => {
    cases([
      ['将第三条改为第五条', null, [{ kind: 'moveArticle', article: 3, position: 5 }], [{ article: 3, movedTo: 5 }]],
      ['将第三条、第四条分别改为第五条、第六条', null, [{ kind: 'moveArticle', article: 3, position: 5 }, { kind: 'moveArticle', article: 4, position: 6 }], [{ article: 3, movedTo: 5 }]],
      ['将第三条、第四条改为第五条', null, null, 'two articles, one new number'],
      ['将第三条第二款改为第三款', null, null, 'only whole articles are moved'],
      ['将第三条改为第五条第一款', null, null, 'an article moves to an article’s number'],
      ['将第三条之一改为第五条', null, null, 'not an article 之一'],
      ['将第三条调整为第五条', null, [{ kind: 'moveArticle', article: 3, position: 5 }], [{ article: 3, movedTo: 5 }]],
    ]);
  });

  describe('deleting and renaming chapters, sections and parts', () => {
    cases([
      ['删去第二章', null, [{ kind: 'deleteChapter', chapter: 2 }], null],
      ['删去第一编第二章', null, [{ kind: 'deleteChapter', chapter: 2, part: 1 }], null],
      ['删去第零章', null, null, 'there is no chapter zero'],
      ['将第二章的章名修改为“甲”', null, [{ kind: 'renameHeading', heading: 'chapter', chapter: 2, name: '甲' }], null],
      ['将第二章章名修改为：“甲”', null, [{ kind: 'renameHeading', heading: 'chapter', chapter: 2, name: '甲' }], null],
      ['将第一编第二章第三节的节名修改为“甲”', null, [{ kind: 'renameHeading', heading: 'section', part: 1, chapter: 2, section: 3, name: '甲' }], null],
      ['将第一编的编名修改为“甲”', null, [{ kind: 'renameHeading', heading: 'part', part: 1, name: '甲' }], null],
      ['将第二章修改为“第二章　甲”', null, [{ kind: 'renameHeading', heading: 'chapter', chapter: 2, name: '甲' }], null],
      ['将第二章修改为“甲”', null, null, 'a heading quoted without 章名 or its label'],
      ['将第二章的节名修改为“甲”', null, null, 'a chapter has no 节名'],
      ['将第二章的名称修改为“甲”', null, [{ kind: 'renameHeading', heading: 'chapter', chapter: 2, name: '甲' }], null],
      ['将第二章的标题修改为“第二章　甲”', null, [{ kind: 'renameHeading', heading: 'chapter', chapter: 2, name: '甲' }], null],
      ['将第二章的章名“乙”修改为“甲”', null, [{ kind: 'renameHeading', heading: 'chapter', chapter: 2, name: '甲' }], null],
      ['将第二章第三节修改为“第三节 甲”', null, [{ kind: 'renameHeading', heading: 'section', chapter: 2, section: 3, name: '甲' }], null],
      ['将第二章修改为“第二章甲”', null, [{ kind: 'renameHeading', heading: 'chapter', chapter: 2, name: '甲' }], null],
      ['将第二章修改为“第二 甲”', null, null, 'a label without 章'],
      ['将第二章修改为“第章　甲”', null, null, 'a label without its number'],
    ]);
  });

  describe('adding a chapter', () => {
    cases([
      ['增加一章，作为第五章：“第五章　甲”', null, [{ kind: 'addChapter', chapter: 5, name: '甲', articles: [] }], null],
      ['增加一章，作为第五章，章名为“甲”', null, [{ kind: 'addChapter', chapter: 5, name: '甲', articles: [] }], null],
      ['增加一章，作为第五章，章名为“第五章　甲”', null, { code: 'bad_quoted_text', message: '“章名为”后的引号中只能是章名' }],
      ['增加一章，作为第五章，章名为“甲\n乙”', null, { code: 'bad_quoted_text', message: '“章名为”后的引号中只能是章名' }],
      ['增加一章，作为第五章：“第四章　甲”', null, { code: 'bad_quoted_text', message: '引号中应以“第五章”的章名开头' }],
      ['增加一章，作为第五章：“甲”', null, { code: 'bad_quoted_text', message: '引号中应以“第五章”的章名开头' }],
      ['增加一章，作为第五章：“第五章　甲\n第三十条　乙。\n丙。\n第三十一条　丁。”', null, [{ kind: 'addChapter', chapter: 5, name: '甲', articles: ['乙。\n丙。', '丁。'], position: 30 }], null],
      ['增加一章，作为第五章：“第五章　甲\n序。\n第三十条　乙。”', null, { code: 'bad_quoted_text', message: '章名后应是依次编号的条文（第X条　……）' }],
      ['增加一章，作为第五章：“第五章　甲\n第三十条　乙。\n第三十二条　丁。”', null, { code: 'bad_quoted_text', message: '章名后应是依次编号的条文（第X条　……）' }],
      ['增加一章，作为第五章：“第五章　甲\n第三十条　乙。\n第三十条之一　丁。”', null, { code: 'bad_quoted_text', message: '章名后应是依次编号的条文（第X条　……）' }],
      ['增加一章，作为第五章：“第五章　甲”“第三十条　乙。”', null, [{ kind: 'addChapter', chapter: 5, name: '甲', articles: ['乙。'], position: 30 }], null],
      ['增加一章，作为第五章：“第五章　甲\n\n第三十条　乙。”', null, [{ kind: 'addChapter', chapter: 5, name: '甲', articles: ['乙。'], position: 30 }], null],
      ['增加一章，作为第五章：“第五章　甲\n第三十条\n乙。”', null, [{ kind: 'addChapter', chapter: 5, name: '甲', articles: ['乙。'], position: 30 }], null],
      ['在第二十九条后增加一章，作为第五章：“第五章　甲”', null, [{ kind: 'addChapter', chapter: 5, name: '甲', after: 29, articles: [] }], null],
      ['在第二十九条第二款后增加一章，作为第五章：“第五章　甲”', null, null, 'a chapter comes after an article, not a 款'],
      ['在第二十九条第（一）项后增加一章，作为第五章：“第五章　甲”', null, null, 'nor a 项'],
      ['在第二十九条之一后增加一章，作为第五章：“第五章　甲”', null, null, 'nor an article 之一'],
      ['在第四章后增加一章，作为第五章：“第五章　甲”', null, [{ kind: 'addChapter', chapter: 5, name: '甲', articles: [] }], null],
      ['在第三章后增加一章，作为第五章：“第五章　甲”', null, null, 'after 第三章 is 第四章'],
      ['增加一章，作为第零章：“第零章　甲”', null, null, 'there is no chapter zero'],
      ['增加一章，作为第五章：“第五节　甲”', null, { code: 'bad_quoted_text', message: '引号中应以“第五章”的章名开头' }],
    ]);
  });

  describe('several forms in one sentence, and the provisions the sentence before left', () => {
    cases([
      ['将第三条改为第五条，第二款修改为：“甲。”', null, [{ kind: 'moveArticle', article: 3, position: 5 }, { kind: 'replaceParagraph', article: 3, paragraph: 2, text: '甲。' }], [{ article: 3 }]],
      ['删去第三条，增加一条，作为第三条：“甲。”', null, [{ kind: 'deleteArticle', article: 3 }, { kind: 'addArticle', position: 3, text: '甲。' }], null],
      ['将第三条修改为：“甲。”删去第五条', null, [{ kind: 'replaceArticle', article: 3, text: '甲。' }, { kind: 'deleteArticle', article: 5 }], null],
      ['将第三条中的“甲”修改为“乙”、“丙”修改为“丁”', null, [{ kind: 'replacePhrase', scope: { article: 3 }, phrase: '甲', replacement: '乙' }, { kind: 'replacePhrase', scope: { article: 3 }, phrase: '丙', replacement: '丁' }], [{ article: 3 }]],
      ['将第三条中的“甲”修改为“乙”，“丙”修改为“丁”', null, [{ kind: 'replacePhrase', scope: { article: 3 }, phrase: '甲', replacement: '乙' }, { kind: 'replacePhrase', scope: { article: 3 }, phrase: '丙', replacement: '丁' }], [{ article: 3 }]],
      ['并删去第二款', [{ article: 3 }], [{ kind: 'deleteParagraph', article: 3, paragraph: 2 }], [{ article: 3 }]],
      ['同时删去第二款', [{ article: 3 }], [{ kind: 'deleteParagraph', article: 3, paragraph: 2 }], [{ article: 3 }]],
      ['并且删去第二款', [{ article: 3 }], [{ kind: 'deleteParagraph', article: 3, paragraph: 2 }], [{ article: 3 }]],
      ['将第三条第二款中的“甲”修改为“乙”，第（一）项中的“丙”修改为“丁”', null, [{ kind: 'replacePhrase', scope: { article: 3, paragraph: 2 }, phrase: '甲', replacement: '乙' }, { kind: 'replacePhrase', scope: { article: 3, paragraph: 2, item: 1 }, phrase: '丙', replacement: '丁' }], [{ article: 3, paragraph: 2, item: 1 }]],
      ['将第三条中的“甲”修改为“乙”，第二款中的“丙”修改为“丁”', null, [{ kind: 'replacePhrase', scope: { article: 3 }, phrase: '甲', replacement: '乙' }, { kind: 'replacePhrase', scope: { article: 3, paragraph: 2 }, phrase: '丙', replacement: '丁' }], [{ article: 3, paragraph: 2 }]],
      ['将第三条第二款中的“甲”修改为“乙”，第三款中的“丙”修改为“丁”', null, [{ kind: 'replacePhrase', scope: { article: 3, paragraph: 2 }, phrase: '甲', replacement: '乙' }, { kind: 'replacePhrase', scope: { article: 3, paragraph: 3 }, phrase: '丙', replacement: '丁' }], [{ article: 3, paragraph: 3 }]],
      ['删去其中的“甲”', [{ article: 3 }], [{ kind: 'deletePhrase', scope: { article: 3 }, phrase: '甲' }], [{ article: 3 }]],
      ['删去其中的“甲”', null, null, '其 with nothing before it'],
      ['删去第三条，其中的“甲”修改为“乙”', null, null, 'a deleted article leaves nothing for 其'],
      ['删去第二款、第（一）项', [{ article: 3 }], [{ kind: 'deleteParagraph', article: 3, paragraph: 2 }, { kind: 'deleteItem', article: 3, paragraph: 2, item: 1 }], [{ article: 3 }]],
      ['删去第（一）项、第（二）项', [{ article: 3, paragraph: 2 }], [{ kind: 'deleteItem', article: 3, paragraph: 2, item: 1 }, { kind: 'deleteItem', article: 3, paragraph: 2, item: 2 }], [{ article: 3 }]],
      ['删去第三条、第（一）项', null, [{ kind: 'deleteArticle', article: 3 }, { kind: 'deleteArticleItem', article: 3, item: 1 }], null],
      ['“乙”修改为“丙”', [{ article: 3, paragraph: 2 }], [{ kind: 'replacePhrase', scope: { article: 3, paragraph: 2 }, phrase: '乙', replacement: '丙' }], [{ article: 3, paragraph: 2 }]],
      ['增加一条，作为第五条：“甲，乙。”', null, [{ kind: 'addArticle', position: 5, text: '甲，乙。' }], null],
      ['增加一条，作为第五条：“甲。”，删去第六条', null, [{ kind: 'addArticle', position: 5, text: '甲。' }, { kind: 'deleteArticle', article: 6 }], null],
      ['将第三条修改为：“甲；”删去第五条', null, [{ kind: 'replaceArticle', article: 3, text: '甲；' }, { kind: 'deleteArticle', article: 5 }], null],
      ['删去第三条，', null, [{ kind: 'deleteArticle', article: 3 }], null],
      ['，删去第三条', null, [{ kind: 'deleteArticle', article: 3 }], null],
      ['删去第三条，，删去第四条', null, [{ kind: 'deleteArticle', article: 3 }, { kind: 'deleteArticle', article: 4 }], null],
      ['，，', null, null, 'nothing but separators'],
      ['将第三条中的“甲修改为“乙”', null, null, 'a quote left open'],
      ['删去第三条并', null, null, '并 opens a piece; it does not end one'],
    ]);
  });


  describe('the edges each reader checks: one bad provision in a list, blank and spaced lines in a quote, a label off the start', () => {
    cases([
      ['删去第三条,删去第四条', null, [{ kind: 'deleteArticle', article: 3 }, { kind: 'deleteArticle', article: 4 }], null],
      ['将第三条修改为：“甲。乙”删去第五条', null, null, 'a quote that does not end its sentence runs on into the words after it'],
      ['删去其中的“甲”', [{ article: 3 }, { article: 4 }], [{ kind: 'deletePhraseThroughout', scopes: [{ article: 3 }, { article: 4 }], phrase: '甲' }], [{ article: 3 }, { article: 4 }]],
      ['将第三条第二款修改为一款，作为第二款：“甲。”', null, [{ kind: 'replaceParagraph', article: 3, paragraph: 2, text: '甲。' }], [{ article: 3 }]],
      ['删去第三条、第四条之一', null, null, 'one of the articles is a 之一'],
      ['增加两条，分别作为第五条、第六条第二款：“甲。”“乙。”', null, null, 'one of the positions is a 款'],
      ['增加两款，分别作为第四条第二款、第四条第（三）项：“甲。\n乙。”', null, null, 'one of the positions is a 项'],
      ['增加一款，作为第四条：“甲。”', null, null, 'a 款’s position is a 款'],
      ['将第三条、第四条之一中的“甲”修改为“乙”', null, null, 'one of the articles is a 之一'],
      ['将第三条、第四条之一分别改为第五条、第六条', null, null, 'one of the articles moved is a 之一'],
      ['将第三条、第四条分别改为第五条、第六条第一款', null, null, 'one of the new numbers is a 款'],
      ['增加一章，作为第五章：“第五章　甲\n　\n第三十条　乙。”', null, [{ kind: 'addChapter', chapter: 5, name: '甲', articles: ['乙。'], position: 30 }], null],
      ['增加一章，作为第五章，章名为“ 甲 ”', null, [{ kind: 'addChapter', chapter: 5, name: '甲', articles: [] }], null],
      ['增加一章，作为第五章：“第五章　甲\n序。”', null, { code: 'bad_quoted_text', message: '章名后应是依次编号的条文（第X条　……）' }],
      ['增加一章，作为第五章：“第五章　甲\n第三十条　乙。\n第三十一条之一　丁。”', null, { code: 'bad_quoted_text', message: '章名后应是依次编号的条文（第X条　……）' }],
      ['将第十十章的章名修改为“甲”', null, null, 'a chapter number that is no numeral'],
      ['将“乙”修改为“第一编　甲”', null, null, 'no heading named, and no provision before'],
      ['将第二章修改为“甲第二章　乙”', null, null, 'the label is not at the start of the quote'],
      ['将第十二章修改为“第十二章　甲”', null, [{ kind: 'renameHeading', heading: 'chapter', chapter: 12, name: '甲' }], null],
      ['将第三条修改为：“第三条\n甲。”', null, [{ kind: 'replaceArticle', article: 3, text: '甲。' }], [{ article: 3 }]],
      ['增加一条，作为第五条：“甲。\n　\n乙。”', null, [{ kind: 'addArticle', position: 5, text: '甲。\n乙。' }], null],
    ]);
  });
});
