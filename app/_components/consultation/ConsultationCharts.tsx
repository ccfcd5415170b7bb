import Link from 'next/link';
import type { Translate } from '@/lib/i18n';
import { dispositions } from '@/lib/shared/vocabulary';

type Stats = {
  byArticle: { eid: string | null; label: string | null; count: number }[];
  byDay: { date: string; count: number }[];
  byDisposition: Record<string, number>;
  byStatus: Record<string, number>;
};

/// The per-article heat map (every article a cell, darker with more comments, linked to its
/// comments), comments per day, and comments by disposition. Each chart carries its numbers as
/// text, so nothing depends on seeing colour.
export function ConsultationCharts({ stats, t, filterHref }: { stats: Stats; t: Translate; filterHref: (eid: string | null) => string }) {
  const maxArticle = Math.max(1, ...stats.byArticle.map((a) => a.count));
  const maxDay = Math.max(1, ...stats.byDay.map((d) => d.count));
  const decided = [...dispositions, 'undecided'] as const;
  const maxDisposition = Math.max(1, ...decided.map((d) => stats.byDisposition[d] ?? 0));
  const barWidth = 28;
  const chartHeight = 120;
  return (
    <div className="charts">
      <section aria-labelledby="heat-title">
        <h2 id="heat-title">{t('manage.heatMap')}</h2>
        <ol className="heat-map" data-testid="heat-map">
          {stats.byArticle.map((a) => {
            const level = a.count === 0 ? 0 : Math.ceil((a.count / maxArticle) * 4);
            return (
              <li key={a.eid ?? 'general'} className={`heat-cell heat-cell--${level}`}>
                <Link href={filterHref(a.eid)} aria-label={t('manage.heatCell', { label: a.label ?? t('consult.whole'), n: a.count })}>
                  <span className="heat-cell__label">{a.label ?? t('consult.whole')}</span>
                  <span className="heat-cell__count">{a.count}</span>
                </Link>
              </li>
            );
          })}
        </ol>
      </section>
      <section aria-labelledby="day-title">
        <h2 id="day-title">{t('manage.byDay')}</h2>
        {stats.byDay.length === 0 ? (
          <p className="empty">{t('manage.noComments')}</p>
        ) : (
          <figure className="bar-chart">
            <svg width={stats.byDay.length * (barWidth + 6) + 10} height={chartHeight + 40} role="img" aria-label={t('manage.byDay')}>
              {stats.byDay.map((d, i) => {
                const h = Math.max(2, Math.round((d.count / maxDay) * chartHeight));
                const x = 5 + i * (barWidth + 6);
                return (
                  <g key={d.date}>
                    <rect x={x} y={chartHeight - h + 14} width={barWidth} height={h} className="bar" />
                    <text x={x + barWidth / 2} y={chartHeight - h + 10} textAnchor="middle" className="bar-value">
                      {d.count}
                    </text>
                    <text x={x + barWidth / 2} y={chartHeight + 30} textAnchor="middle" className="bar-label">
                      {d.date.slice(5)}
                    </text>
                  </g>
                );
              })}
            </svg>
          </figure>
        )}
      </section>
      <section aria-labelledby="disp-title">
        <h2 id="disp-title">{t('manage.byDisposition')}</h2>
        <dl className="hbar-chart">
          {decided.map((d) => {
            const n = stats.byDisposition[d] ?? 0;
            return (
              <div key={d} className="hbar">
                <dt>{d === 'undecided' ? t('manage.undecided') : t(`disposition.${d}`)}</dt>
                <dd>
                  <span className={`hbar__bar hbar__bar--${d}`} style={{ width: `${(n / maxDisposition) * 100}%` }} />
                  <span className="hbar__value">{n}</span>
                </dd>
              </div>
            );
          })}
        </dl>
        <p className="aside">{t('manage.statusCounts', { pending: stats.byStatus.pending ?? 0, published: stats.byStatus.published ?? 0, rejected: stats.byStatus.rejected ?? 0 })}</p>
      </section>
    </div>
  );
}
