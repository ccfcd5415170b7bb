import { sideBySide, tableRows, type ArticleComparison } from '@/lib/legal-text';
import type { Translate } from '@/lib/i18n';
import { MarkedLines } from './MarkedLines';

/// The 修改对照表: 修改前 | 修改后, one row per article (changed ones unless `all`), each side with
/// what was removed struck through and what was added underlined.
export function ComparisonTable({ articles, all, beforeHeading, afterHeading, t }: { articles: ArticleComparison[]; all: boolean; beforeHeading: string; afterHeading: string; t: Translate }) {
  const rows = tableRows(articles, all);
  if (rows.length === 0) return <p className="empty">{t('compare.noRows')}</p>;
  return (
    <table className="comparison-table" data-testid="comparison-table">
      <thead>
        <tr>
          <th scope="col">{beforeHeading}</th>
          <th scope="col">{afterHeading}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => {
          const { before, after } = sideBySide(row);
          return (
            <tr key={i} className={`comparison-row comparison-row--${row.change}`} data-change={row.change}>
              <td data-heading={beforeHeading}>{before ? <MarkedLines lines={before.lines} label={before.label} /> : <p className="comparison-absent">{t('compare.absent')}</p>}</td>
              <td data-heading={afterHeading}>
                {after ? <MarkedLines lines={after.lines} label={after.label} /> : <p className="comparison-absent">{t('compare.absent')}</p>}
                <p className="comparison-note">
                  {t(`compare.change.${row.change}`)}
                  {row.referencesOnly && <> · {t('compare.referencesOnly')}</>}
                  {row.moved && <> · {t('compare.movedFrom', row.moved)}</>}
                </p>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
