import type { ArticleComparison, ArticleSide, DiffToken, TextComparison } from '@/lib/legal-text';

const numerals = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function label(n: number): string {
  if (n <= 10) return `第${numerals[n]}条`;
  const tens = Math.floor(n / 10);
  return `第${tens > 1 ? numerals[tens] : ''}十${numerals[n % 10]}条`;
}

/// One side of a sample article: 第`number`条 of 第一章 with `text` (its 款 and 项 on separate lines).
export function sampleSide(number: number, text: string): ArticleSide {
  return { number, label: label(number), eid: `art_${number}`, headingPath: ['第一章　总则'], text, paragraphs: text.split('\n') };
}

function modified(oldNo: number, newNo: number, tokens: DiffToken[]): ArticleComparison {
  const before = tokens.filter((t) => t.op !== 'insert').map((t) => t.text).join('');
  const after = tokens.filter((t) => t.op !== 'delete').map((t) => t.text).join('');
  return { change: 'modified', old: oldNo, new: newNo, similarity: 0.9, tokens, before: sampleSide(oldNo, before), after: sampleSide(newNo, after) };
}

const longParagraph =
  '审计机关对本级人民政府各部门和下级人民政府预算的执行情况和决算以及其他财政收支情况，进行审计监督；对国有的金融机构和企业事业组织的资产、负债、损益，进行审计监督；对政府投资和以政府投资为主的建设项目的预算执行情况和决算，进行审计监督。';

/// Test support: a hand-made 修改对照表 comparison of the 北京市审计条例 — an unchanged article,
/// a modified one (a word removed, two replaced, across two 款), one with 项, a deleted and an
/// added article — followed by `long` modified articles of twelve long 款 each, which fill
/// several landscape pages and split across page breaks.
export function buildSampleComparison(long = 0): TextComparison {
  const articles: ArticleComparison[] = [
    { change: 'unchanged', old: 1, new: 1, similarity: 1, before: sampleSide(1, '为了加强审计监督，制定本条例。'), after: sampleSide(1, '为了加强审计监督，制定本条例。') },
    modified(2, 2, [
      { op: 'equal', text: '市和区' },
      { op: 'delete', text: '、县' },
      { op: 'equal', text: '人民政府依法设立审计机关。\n审计机关在本级人民政府行政首长和上一级审计机关的领导下，依法履行' },
      { op: 'delete', text: '国家审计' },
      { op: 'insert', text: '审计监督' },
      { op: 'equal', text: '职责。' },
    ]),
    modified(3, 3, [
      { op: 'equal', text: '审计机关应当依法对下列事项进行审计：\n（一）本级预算执行情况；\n（二）' },
      { op: 'delete', text: '国有企业' },
      { op: 'insert', text: '国有和国有资本占控股地位的企业' },
      { op: 'equal', text: '的资产、负债、损益。' },
    ]),
    { change: 'deleted', old: 4, new: null, before: sampleSide(4, '市和区、县人民政府应当加强绩效审计制度建设。') },
    { change: 'added', old: null, new: 4, after: sampleSide(4, '审计机关应当推进大数据审计，提高审计效率。') },
  ];
  for (let i = 0; i < long; i++) {
    const n = 5 + i;
    const paragraphs = Array.from({ length: 12 }, (_, k) => `${k === 0 ? '' : `（${numerals[Math.min(k, 10)]}）`}${longParagraph}`).join('\n');
    articles.push(modified(n, n, [{ op: 'delete', text: '原' }, { op: 'insert', text: '新' }, { op: 'equal', text: paragraphs }]));
  }
  return {
    summary: { unchanged: 1, renumbered: 0, modified: 2 + long, added: 1, deleted: 1, moved: 0 },
    alignment: 'eid',
    oldTitle: '北京市审计条例',
    newTitle: '北京市审计条例',
    articles,
    headings: [],
  };
}
