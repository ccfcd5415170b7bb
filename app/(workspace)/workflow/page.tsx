import { getEngine } from '@/lib/api';
import Link from 'next/link';
import { vocabularyLabel } from '@/lib/i18n';
import { billKinds, billStages, type BillStage, type BillKind } from '@/lib/shared';
import { listWorkflowBills, sweepDeadlineNotices } from '@/lib/workflow';
import { FilterSelect } from '@/app/_components/FilterSelect';
import { TableHead } from '@/app/_components/TableHead';
import { displayDate } from '@/app/_lib/library';
import { titledPage } from '@/app/_lib/metadata';
import { pageTranslator, requirePermission } from '@/app/_lib/session';
import { daysLeftText } from '@/app/_lib/workflow';

export const dynamic = 'force-dynamic';

export const generateMetadata = titledPage('workflow.title');

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const pick = <T extends string>(value: unknown, set: readonly T[]): T | undefined => (typeof value === 'string' && (set as readonly string[]).includes(value) ? (value as T) : undefined);

/// 立法进度: every bill the reader may see, by stage, with its coordinator, next deadline and the
/// days left (overdue first); filters by kind, stage and coordinator.
export default async function WorkflowDashboard({ searchParams }: Props) {
  const user = await requirePermission('workspace:view', '/workflow');
  const [{ t, locale }, sp] = await Promise.all([pageTranslator(), searchParams]);
  await sweepDeadlineNotices(getEngine());
  const all = await listWorkflowBills(getEngine(), user);
  const filters = { kind: pick<BillKind>(sp.kind, billKinds), stage: pick<BillStage>(sp.stage, billStages), coordinatorId: typeof sp.coordinator === 'string' ? sp.coordinator : undefined };
  const bills = await listWorkflowBills(getEngine(), user, filters);
  const coordinators = [...new Map(all.flatMap((b) => (b.coordinator ? [[b.coordinator.userId, b.coordinator.name] as const] : []))).entries()];
  const any = t('library.any');
  const columns = [t('workflow.colBill'), t('workflow.colStage'), t('workflow.colCoordinator'), t('workflow.colDeadline')];
  return (
    <div className="page page--wide workspace workflow-dashboard">
      <h1>{t('workflow.title')}</h1>
      <p className="lead">{t('workflow.lead')}</p>
      <form method="get" action="/workflow" className="form form--inline filters__grid" aria-label={t('library.filters')}>
        <FilterSelect label={t('workflow.filterStage')} name="stage" value={filters.stage} any={any} options={billStages.map((s) => ({ value: s, label: t(vocabularyLabel('billStage', s)) }))} />
        <FilterSelect label={t('workflow.filterKind')} name="kind" value={filters.kind} any={any} options={billKinds.map((k) => ({ value: k, label: t(vocabularyLabel('regulationKind', k)) }))} />
        <FilterSelect label={t('workflow.filterCoordinator')} name="coordinator" value={filters.coordinatorId} any={any} options={coordinators.map(([value, label]) => ({ value, label }))} />
        <button type="submit" className="button">
          {t('library.apply')}
        </button>
      </form>
      {bills.length === 0 ? (
        <p className="empty-state">{t('workflow.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table data-table--cards" data-testid="workflow-table">
            <TableHead columns={columns} />
            <tbody>
              {bills.map((b) => (
                <tr key={b.id} className={b.nextDeadline?.overdue ? 'row--overdue' : undefined}>
                  <td data-label={columns[0]}>
                    <Link href={`/bills/${b.id}/workflow`}>{b.title}</Link>
                    <small className="aside"> {t(vocabularyLabel('regulationKind', b.kind))}</small>
                  </td>
                  <td data-label={columns[1]}>{t(vocabularyLabel('billStage', b.stage))}</td>
                  <td data-label={columns[2]}>{b.coordinator?.name ?? '—'}</td>
                  <td data-label={columns[3]}>
                    {b.nextDeadline ? (
                      <>
                        {t(vocabularyLabel('deadlineKind', b.nextDeadline.kind))} {displayDate(b.nextDeadline.dueOn, locale)} ·{' '}
                        <span className={b.nextDeadline.overdue ? 'deadline--overdue' : b.nextDeadline.daysLeft <= 7 ? 'deadline--near' : undefined}>{daysLeftText(b.nextDeadline, t)}</span>
                      </>
                    ) : (
                      t('workflow.noDeadline')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
