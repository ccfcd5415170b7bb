import Link from 'next/link';
import type { BillPublication } from '@/lib/publication';
import { addDays, todayInChina, type BillStage } from '@/lib/shared';
import { regulationPath } from '@/lib/library';
import { pageTranslator } from '@/app/_lib/session';
import { FilingForm, PublishForm } from './PublishForm';

/// The 公布 and 备案 of a bill on its procedure page: before publication, the form (with, for an
/// amendment, whether the generated 修改决定 rebuilds the final text); after, the 公告 as printed,
/// a link to the version in the library, the filing package, and the filing form or record.
export async function PublicationPanel({ billId, stage, publication }: { billId: string; stage: BillStage; publication: BillPublication }) {
  const { t } = await pageTranslator();
  const { published, filing, form } = publication;
  const today = todayInChina();
  return (
    <section aria-labelledby="publication-title" className="panel" data-testid="publication">
      <h2 id="publication-title">{t('publication.title')}</h2>
      {!published && !form && <p className="aside">{t('workflow.onlyCoordinator')}</p>}
      {form && (
        <>
          {form.check && (
            <div className={form.check.ok ? 'notice' : 'notice notice--error'} data-testid="decision-check">
              <p>{form.check.ok ? t('publication.checkOk') : t('publication.checkFailed', { articles: form.check.differing.join('、') })}</p>
              {form.check.problems.length > 0 && (
                <ul>
                  {form.check.problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              )}
              <details>
                <summary>{t('publication.decisionPreview')}</summary>
                <pre className="decision-text">{form.check.decisionText}</pre>
              </details>
            </div>
          )}
          <PublishForm billId={billId} d={{ ...form, today, effectiveOn: addDays(today, 30) }} />
        </>
      )}
      {published && (
        <>
          <div className="promulgation-notice" data-testid="notice">
            {published.noticeText.split('\n').map((line, i) => (
              <p key={i} className={i < 2 ? 'promulgation-notice__head' : i >= 3 ? 'promulgation-notice__sign' : undefined}>
                {line}
              </p>
            ))}
          </div>
          <p>
            <Link href={`${regulationPath(published.regulationSlug)}?at=${published.effectiveOn}`}>{t('publication.inLibrary', { seq: published.versionSeq })}</Link> ·{' '}
            <a href={`/api/v1/bills/${billId}/filing-package`} download>
              {t('publication.package')}
            </a>
          </p>
          {filing ? (
            <p data-testid="filing">{t('publication.filedLine', { on: filing.filedOn, bodies: filing.bodies.join('、'), sha: filing.packageSha256.slice(0, 12) })}</p>
          ) : stage === 'filing' && publication.mayPublish ? (
            <FilingForm billId={billId} today={today} />
          ) : null}
        </>
      )}
    </section>
  );
}
