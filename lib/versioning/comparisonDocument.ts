import { draftAmendmentDecision, type TextComparison } from '@/lib/legal-text';
import { translator, type Locale } from '@/lib/i18n';
import type { ResolvedText } from './compareDraftTexts';
import { downloadDocument, type DownloadDocument } from '@/lib/documents';
import { exportComparisonDocx } from './exportComparisonDocx';
import { exportComparisonPdf } from './exportComparisonPdf';
import { exportDecisionDocx } from './exportDecisionDocx';
import { renderDecisionText } from '@/lib/legal-text';

/// How a comparison side is named in headings: the version's name and number, 当前草稿 or 现行文本.
export function describeText(side: Pick<ResolvedText, 'kind' | 'name' | 'seq'>, locale: Locale): string {
  const t = translator(locale);
  if (side.kind === 'version') return `${side.name}（${t('versions.seq', { seq: side.seq ?? 0 })}）`;
  return t(side.kind === 'current' ? 'compare.current' : 'compare.inForce');
}

/// The 修改对照表 of a comparison as a Word or PDF file, headed 修改前（…）| 修改后（…）.
export async function comparisonDocument(
  result: { from: ResolvedText; to: ResolvedText; comparison: TextComparison },
  format: 'docx' | 'pdf',
  opts: { all: boolean; locale: Locale },
): Promise<DownloadDocument> {
  const t = translator(opts.locale);
  const title = result.comparison.newTitle || result.comparison.oldTitle;
  const options = {
    title: t('compare.tableTitle', { title }),
    beforeHeading: `${t('compare.from')}（${describeText(result.from, opts.locale)}）`,
    afterHeading: `${t('compare.to')}（${describeText(result.to, opts.locale)}）`,
    all: opts.all,
  };
  const body = format === 'docx' ? await exportComparisonDocx(result.comparison, options) : await exportComparisonPdf(result.comparison, options);
  return downloadDocument(body, format, `${title}-修改对照表`);
}

/// The 修改决定 generated from a comparison as plain text or a Word file.
export async function decisionDocument(comparison: TextComparison, format: 'txt' | 'docx'): Promise<DownloadDocument> {
  const decision = draftAmendmentDecision(comparison);
  const body = format === 'docx' ? await exportDecisionDocx(decision) : new TextEncoder().encode(renderDecisionText(decision));
  return downloadDocument(body, format, decision.title);
}
