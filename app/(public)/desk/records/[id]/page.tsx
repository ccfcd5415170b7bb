import Link from 'next/link';
import { getEngine } from '@/lib/api';
import { getDeskRecord } from '@/lib/desk';
import { vocabularyLabel } from '@/lib/i18n';
import { articlePath } from '@/lib/library';
import { referralKinds, routeParam } from '@/lib/shared';
import { removeCitationAction } from '@/app/_actions/desk';
import { DeskRecordForm, ProposeQaForm } from '@/app/_components/desk/DeskForms';
import { displayDate, orNotFound } from '@/app/_lib/library';
import { titledPage } from '@/app/_lib/metadata';
import { pageTranslator, requirePermission } from '@/app/_lib/session';

export const dynamic = 'force-dynamic';

export const generateMetadata = titledPage('desk.record');

/// One consultation record: its text (with a warning when it seems to hold personal data), the
/// articles collected from article pages, the answer sheet to print, and the public 问答 it may
/// become through review.
export default async function DeskRecordPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: raw } = await params;
  const id = routeParam(raw);
  const user = await requirePermission('desk:use', `/desk/records/${id}`);
  const { t, locale } = await pageTranslator();
  const r = await orNotFound(() => getDeskRecord(getEngine(), user, id));
  return (
    <div className="page page--wide workspace desk-page">
      <p className="breadcrumb">
        <Link href="/desk">← {t('desk.title')}</Link>
      </p>
      <h1>{t('desk.record')}</h1>
      {r.warnings.length > 0 && (
        <p className="notice notice--error" role="alert" data-testid="personal-data">
          {t('desk.personalData', { kinds: r.warnings.map((k) => t(`desk.pd.${k}`)).join('、') })}
        </p>
      )}
      <div className="workflow-grid">
        <section className="panel">
          <DeskRecordForm record={{ id: r.id, question: r.question, facts: r.facts, answer: r.answer, referral: r.referral ?? '' }} referrals={referralKinds.map((k) => ({ value: k, label: t(vocabularyLabel('referralKind', k)) }))} />
        </section>
        <section className="panel" aria-labelledby="cited-title">
          <h2 id="cited-title">{t('desk.cited')}</h2>
          {r.citations.length === 0 ? (
            <p className="empty-state">{t('desk.noCited')}</p>
          ) : (
            <ul className="signoffs" data-testid="desk-citations">
              {r.citations.map((c) => (
                <li key={`${c.citation}@${c.at}`}>
                  <Link href={`${articlePath(c.slug, { number: c.number, sub: c.sub })}?at=${c.at}`}>{c.citation}</Link> <small className="aside">{t('explainer.asOfLine', { date: displayDate(c.at, locale) })}</small>
                  <form action={removeCitationAction} className="inline-form">
                    <input type="hidden" name="id" value={r.id} />
                    <input type="hidden" name="citation" value={c.citation} />
                    <button type="submit" className="link-button">
                      {t('desk.remove')}
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          )}
          <p className="aside">{t('desk.collectHint')}</p>
          <p>
            <a href={`/desk/records/${r.id}/sheet`} className="button button--primary" download data-testid="answer-sheet">
              {t('desk.sheet')}
            </a>
          </p>
          {r.explainerId ? (
            <p>
              <Link href={`/explainers/${r.explainerId}`}>{t('desk.proposedLink')}</Link>
            </p>
          ) : (
            <ProposeQaForm id={r.id} />
          )}
        </section>
      </div>
    </div>
  );
}
