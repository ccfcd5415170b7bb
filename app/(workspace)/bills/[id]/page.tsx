import { getEngine } from '@/lib/api';
import type { Metadata } from 'next';
import Link from 'next/link';
import { headers } from 'next/headers';
import { can } from '@/lib/auth';
import { vocabularyLabel } from '@/lib/i18n';
import { collabPublicUrl, getBill } from '@/lib/drafting';
import { AddMemberForm } from '@/app/_components/BillForms';
import { DraftEditor } from '@/app/_components/draft/DraftEditor';
import { currentUser } from '@/app/_lib/session';
import { openBillPage } from '@/app/_lib/billPage';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ id }, user] = await Promise.all([params, currentUser()]);
  try {
    return { title: (await getBill(getEngine(), user, id)).title };
  } catch {
    return {};
  }
}

async function collabUrl(): Promise<string> {
  const h = await headers();
  return collabPublicUrl(h.get('x-forwarded-host') ?? h.get('host'), h.get('x-forwarded-proto') === 'https');
}

export default async function BillPage({ params }: Props) {
  const { id } = await params;
  const { user, bill, t } = await openBillPage(id, `/bills/${id}`);
  const canEdit = can(user, 'draft:edit', bill.resource);
  const canManage = can(user, 'bill:manage', bill.resource);
  return (
    <div className="page page--full workspace bill-page">
      <header className="bill-header">
        <h1>{bill.title}</h1>
        <p className="aside">
          {t(`kind.${bill.kind}`)} · {t('bills.stage')}：{t(vocabularyLabel('billStage', bill.stage))}
          {bill.regulationTitle && <> · {t('bills.amends', { title: bill.regulationTitle })}</>}
        </p>
        <nav className="bill-links" aria-label={t('versions.title')}>
          <Link href={`/bills/${bill.id}/workflow`}>{t('workflow.page')}</Link>
          <Link href={`/bills/${bill.id}/versions`}>{t('versions.open')}</Link>
          <Link href={`/bills/${bill.id}/audit`}>{t('audit.billTitle')}</Link>
          <Link href={`/bills/${bill.id}/consultations`}>{t('manage.consultations')}</Link>
          {bill.regulationId && <Link href={`/bills/${bill.id}/compare?from=in-force&to=current`}>{t('compare.withInForce')}</Link>}
        </nav>
        <details className="members">
          <summary>
            {t('bills.members')}（{bill.members.length}）
          </summary>
          <ul>
            {bill.members.map((m) => (
              <li key={m.userId}>
                {m.name} <span className="role-badge">{t(`bills.role.${m.role}`)}</span> <small>{m.email}</small>
              </li>
            ))}
          </ul>
          {canManage && <AddMemberForm billId={bill.id} />}
        </details>
      </header>
      <DraftEditor draftId={bill.draftId} collabUrl={await collabUrl()} user={{ id: user.id, name: user.name }} readOnly={!canEdit} canComment={can(user, 'draft:comment', bill.resource)} historyBase={`/bills/${bill.id}/history/`} />
    </div>
  );
}
