import { describe, expect, it } from 'vitest';
import { applyAmendmentsQuote, applyAmendmentsQuoteItems } from './applyAmendmentsQuote';

describe('applyAmendmentsQuote', () => {
  it('reads one 款 per line of words, skipping lines of nothing but spaces, and names them with eidOf', () => {
    const paragraphs = applyAmendmentsQuote('有关部门应当履行下列职责：\n（一）制定规划；\n  \n（二）组织实施。\n\u3000\n违反前款规定的，责令改正。', (k) => `art_3__para_${k + 1}`);
    expect(paragraphs?.map((p) => [p.eid, p.text, p.items.map((i) => [i.eid, i.text])])).toEqual([
      ['art_3__para_1', '有关部门应当履行下列职责：', [['art_3__para_1__item_1', '制定规划；'], ['art_3__para_1__item_2', '组织实施。']]],
      ['art_3__para_2', '违反前款规定的，责令改正。', []],
    ]);
  });

  it('refuses a quote of nothing, and one holding an article or a chapter heading', () => {
    expect(applyAmendmentsQuote(' \n\u3000', () => 'x')).toBeNull();
    expect(applyAmendmentsQuote('第三条　本条例自公布之日起施行。', () => 'x')).toBeNull();
    expect(applyAmendmentsQuote('甲。\n第二章　附则', () => 'x')).toBeNull();
  });
});

describe('applyAmendmentsQuoteItems', () => {
  it('reads 项 written with or without the first label, skipping lines of nothing but spaces', () => {
    const items = applyAmendmentsQuoteItems('  组织编制规划；\n \n（二）监督实施。', (k) => `art_4__para_1__item_${k + 2}`);
    expect(items?.map((i) => [i.eid, i.text])).toEqual([
      ['art_4__para_1__item_2', '组织编制规划；'],
      ['art_4__para_1__item_3', '监督实施。'],
    ]);
  });

  it('refuses a quote holding a 款 of words after the 项', () => {
    expect(applyAmendmentsQuoteItems('（一）甲；\n违反前款规定的，责令改正。', () => 'x')).toBeNull();
    expect(applyAmendmentsQuoteItems('\u3000', () => 'x')).toBeNull();
  });
});
