import Link from 'next/link';
import { can } from '@/lib/auth';
import { listConsultationsOfBill } from '@/lib/consultation';
import { todayInChina } from '@/lib/shared';
import { describeText, listDraftVersions } from '@/lib/versioning';
import { OpenConsultationForm } from '@/app/_components/consultation/OpenConsultationForm';
import { displayDate } from '@/app/_lib/library';
import { titledPage } from '@/app/_lib/metadata';
import { openBillPage } from '@/app/_lib/billPage';
import { getEngine } from '@/lib/api';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

export const generateMetadata = titledPage('manage.consultations');

/// A bill's consultations, and the form that opens a new one.
export default async function BillConsultationsPage({ params }: Props) {
  const { id } = await params;
  const { user, bill, t, locale } = await openBillPage(id, `/bills/${id}/consultations`);
  const items = await listConsultationsOfBill(getEngine(), user, bill.id);
  const versions = (await listDraftVersions(getEngine(), user, bill.draftId)).map((v) => ({ id: v.id, label: describeText({ kind: 'version', name: v.name, seq: v.seq }, locale) }));
  return (
    <div className="page page--wide workspace">
      <p className="breadcrumb">
        <Link href={`/bills/${bill.id}`}>← {bill.title}</Link>
      </p>
      <h1>{t('manage.consultations')}</h1>
      {items.length === 0 ? (
        <p className="empty">{t('manage.noConsultations')}</p>
      ) : (
        <ul className="consult-list">
          {items.map((c) => (
            <li key={c.id} className="consult-card">
              <h2>
                <Link href={`/bills/${bill.id}/consultations/${c.id}`}>{c.title}</Link> <span className={`status-badge status-badge--${c.status}`}>{t(`consult.status.${c.status}`)}</span>
              </h2>
              <p className="aside">
                {t('consult.period', { from: displayDate(c.opensOn, locale), to: displayDate(c.closesOn, locale) })} · {c.versionName} · {t('consult.commentCount', { n: c.commentCount })}
              </p>
            </li>
          ))}
        </ul>
      )}
      {can(user, 'consultation:open', bill.resource) && (
        <section className="panel" aria-labelledby="open-title">
          <h2 id="open-title">{t('open.heading')}</h2>
          <OpenConsultationForm billId={bill.id} draftId={bill.draftId} versions={versions} today={todayInChina()} />
        </section>
      )}
    </div>
  );
}
