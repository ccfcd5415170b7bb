import Link from 'next/link';
import type { RegulationAtDate } from '@/lib/library';
import { translator, vocabularyLabel, type Locale } from '@/lib/i18n';
import { displayDate, regulationPath, versionLabel } from '@/app/_lib/library';
import { JurisdictionBadge } from './JurisdictionBadge';

type TimelineEntry = { held: true; version: RegulationAtDate['versions'][number]; on: string } | { held: false; change: RegulationAtDate['unheld'][number]; on: string };

/// The held versions and the changes whose texts are not held, in date order.
function timeline(data: Pick<RegulationAtDate, 'versions' | 'unheld'>): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...data.versions.map((version) => ({ held: true as const, version, on: version.effectiveOn ?? version.adoptedOn ?? '' })),
    ...data.unheld.map((change) => ({ held: false as const, change, on: change.on })),
  ];
  return entries.sort((a, b) => a.on.localeCompare(b.on));
}

/// Title, status badges, bodies and dates of a regulation, the "as in force on" selector and the
/// version timeline; shared by the regulation page and the article page.
export function RegulationHeader({ data, locale, basePath, invalidDate }: { data: Omit<RegulationAtDate, 'text'>; locale: Locale; basePath: string; invalidDate?: boolean }) {
  const t = translator(locale);
  const { regulation: r, version: v } = data;
  return (
    <header className="reg-header">
      <p className="reg-header__kind">
        {data.currentText ? (
          <span className={`badge badge--${data.status}`}>{t(`status.${data.status}`)}</span>
        ) : (
          <span className="badge badge--historical" data-testid="historical">
            {t('reg.historicalText', { date: displayDate(v.effectiveOn, locale) })}
          </span>
        )}
        {data.amended && <span className="badge badge--amended">{t('status.amended')}</span>}
        <JurisdictionBadge jurisdiction={r.jurisdiction} t={t} />
        <span className="badge badge--plain">{t(`kind.${r.kind}`)}</span>
        {r.topic && <span className="badge badge--plain">{r.topic}</span>}
      </p>
      <h1 className="reg-title">{r.title}</h1>
      {v.infoLines.length > 0 && (
        <div className="reg-info" lang="zh-CN" aria-label={t('reg.headerLines')}>
          {v.infoLines.map((l) => (
            <p key={l}>{l}</p>
          ))}
        </div>
      )}
      {r.jurisdiction.relation === 'elsewhere' && (
        <p className="notice" role="note" data-testid="elsewhere-note">
          {t('jurisdiction.elsewhereNote', { place: r.region ?? t('jurisdiction.level.other') })}
        </p>
      )}
      <dl className="facts facts--compact">
        <dt>{t('reg.jurisdiction')}</dt>
        <dd>
          {r.region ?? t('jurisdiction.level.national')} · {t(vocabularyLabel('jurisdictionLevel', r.jurisdiction.level))}
        </dd>
        {r.enactingBody && (
          <>
            <dt>{t('reg.enactingBody')}</dt>
            <dd>{r.enactingBody}</dd>
          </>
        )}
        {r.approvingBody && (
          <>
            <dt>{t('reg.approvingBody')}</dt>
            <dd>{r.approvingBody}</dd>
          </>
        )}
        <dt>{t('reg.versionEffective')}</dt>
        <dd>{displayDate(v.effectiveOn, locale)}</dd>
      </dl>
      <form className="as-of" method="get" action={basePath}>
        <label htmlFor="as-of-date">{t('reg.asOf')}</label>
        <input id="as-of-date" type="date" name="at" defaultValue={data.at} required />
        <button type="submit" className="button">
          {t('reg.asOfSubmit')}
        </button>
        <Link href={basePath}>{t('reg.asOfToday')}</Link>
      </form>
      {invalidDate && (
        <p className="form-message form-message--error" role="alert">
          {t('err.date_invalid')}
        </p>
      )}
      <p className="as-of__note" data-testid="as-of-note">
        {data.inForceAt ? t('reg.showingAt', { date: displayDate(data.at, locale) }) : t('reg.notYetInForce', { date: displayDate(data.at, locale) })}
      </p>
      {data.unheldAt && (
        <p className="notice notice--ahead" role="status" data-testid="unheld-at">
          {t('reg.unheldAt', { date: displayDate(data.at, locale), change: `${displayDate(data.unheldAt.on, locale)} ${t(vocabularyLabel('versionChange', data.unheldAt.change))}` })}
        </p>
      )}
      {data.repealed && (
        <p className="notice notice--error" role="status" data-testid="repealed">
          {t('reg.repealedOn', { date: displayDate(data.repealed.on, locale) })}
          {data.repealed.source && ` ${data.repealed.source}`}
        </p>
      )}
      {data.outstanding.map((o) => (
        <p key={o.versionId} className="notice notice--ahead" role="status" data-testid="outstanding">
          {t('reg.outstanding', { date: displayDate(o.effectiveOn, locale) })} <Link href={`${basePath}?at=${o.effectiveOn}`}>{t('reg.outstandingLink')}</Link>
        </p>
      ))}
      {data.versions.length + data.unheld.length > 1 && (
        <section className="timeline" aria-labelledby="timeline-title">
          <h2 id="timeline-title">{t('reg.history')}</h2>
          <ol>
            {timeline(data).map((entry) =>
              entry.held ? (
                <li key={entry.version.id} aria-current={entry.version.id === v.id ? 'true' : undefined}>
                  <Link href={entry.version.effectiveOn ? `${basePath}?at=${entry.version.effectiveOn}` : basePath}>{versionLabel(entry.version, t, locale)}</Link>
                  {entry.version.id === v.id && <span className="timeline__current"> （{t('reg.current')}）</span>}
                </li>
              ) : (
                <li key={`unheld-${entry.change.on}`} className="timeline__unheld" data-testid="timeline-unheld">
                  {displayDate(entry.change.on, locale)} · {t(vocabularyLabel('versionChange', entry.change.change))} · {t('reg.textNotHeld')}
                </li>
              ),
            )}
          </ol>
          <p className="timeline__compare">
            <Link href={`${regulationPath(r.slug)}/compare`}>{t('library.compare')}</Link>
          </p>
        </section>
      )}
      {data.events.length > 0 && (
        <details className="reg-events" data-testid="events">
          <summary>{t('reg.events')}</summary>
          <ol>
            {data.events.map((e, i) => (
              <li key={i}>
                <time dateTime={e.on}>{displayDate(e.on, locale)}</time> {t(vocabularyLabel('lifecycleEventKind', e.kind))}
                {e.body && ` · ${e.body}`}
                {e.source && ` · ${e.source}`}
              </li>
            ))}
          </ol>
        </details>
      )}
      <p className="reg-header__links">
        <Link href={regulationPath(r.slug)}>{r.title}</Link>
      </p>
    </header>
  );
}
