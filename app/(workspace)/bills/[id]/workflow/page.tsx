import Link from 'next/link';
import { vocabularyLabel } from '@/lib/i18n';
import { normalClosingDay } from '@/lib/consultation';
import { formatBytes, todayInChina, type BillStage } from '@/lib/shared';
import { getBillWorkflow, isClosedStage } from '@/lib/workflow';
import { AttachForm } from '@/app/_components/workflow/AttachForm';
import { MoveForm, type MoveChoice } from '@/app/_components/workflow/MoveForm';
import { DecideSignoffForm, RequestSignoffForm } from '@/app/_components/workflow/SignoffForms';
import { VoteForm } from '@/app/_components/workflow/VoteForm';
import { PublicationPanel } from '@/app/_components/workflow/PublicationPanel';
import { getBillPublication } from '@/lib/publication';
import { openBillPage } from '@/app/_lib/billPage';
import { displayDate, displayDateTime } from '@/app/_lib/library';
import { titledPage } from '@/app/_lib/metadata';
import { daysLeftText } from '@/app/_lib/workflow';
import { getEngine } from '@/lib/api';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

export const generateMetadata = titledPage('workflow.page');

/// A bill's procedure: its path, running deadlines, the moves its coordinator may make, the
/// sign-offs asked and given, the votes, and the record of every move.
export default async function BillWorkflowPage({ params }: Props) {
  const { id } = await params;
  const { user, t, locale } = await openBillPage(id, `/bills/${id}/workflow`);
  const flow = await getBillWorkflow(getEngine(), user, id);
  const stageName = (s: BillStage) => t(vocabularyLabel('billStage', s));
  const choices: MoveChoice[] = flow.moves.map(({ to, plan }) => ({
    to,
    label: stageName(to),
    kind: plan.kind,
    opensConsultation: plan.opensConsultation,
    needs: [
      ...plan.signoffs.map((s) => t('workflow.needsSignoff', { stage: stageName(s.stage) })),
      ...(plan.needsPassedVote ? [t('workflow.needsVote')] : []),
      ...(plan.freeze ? [t('workflow.freezes', { name: plan.freeze })] : []),
      ...(plan.opensConsultation ? [t('workflow.opensConsultation')] : []),
    ],
  }));
  const { signoffStages } = flow;
  return (
    <div className="page page--wide workspace workflow-page">
      <p className="breadcrumb">
        <Link href={`/bills/${flow.id}`}>← {flow.title}</Link> · <Link href="/workflow">{t('workflow.title')}</Link> · <Link href={`/bills/${flow.id}/audit`}>{t('audit.billTitle')}</Link>
      </p>
      <h1>{t('workflow.pageOf', { title: flow.title })}</h1>
      <p className="aside">
        {t(vocabularyLabel('regulationKind', flow.kind))} · {t('workflow.colCoordinator')}：{flow.coordinator?.name ?? '—'}
      </p>

      <section aria-labelledby="path-title" className="panel">
        <h2 id="path-title">{t('workflow.path')}</h2>
        <ol className="path-strip" data-testid="path">
          {flow.path.map((p) => (
            <li key={p.stage} className={`path-step path-step--${p.state}`} aria-current={p.state === 'current' ? 'step' : undefined}>
              <span className="path-step__name">{stageName(p.stage)}</span>
              <span className="path-step__state">{t(`workflow.state.${p.state}`)}</span>
            </li>
          ))}
        </ol>
      </section>

      <div className="workflow-grid">
        <section aria-labelledby="deadlines-title" className="panel">
          <h2 id="deadlines-title">{t('workflow.deadlines')}</h2>
          {flow.deadlines.length === 0 ? (
            <p className="empty-state">{t('workflow.noDeadlines')}</p>
          ) : (
            <ul className="deadlines" data-testid="deadlines">
              {flow.deadlines.map((d) => (
                <li key={d.kind} className={d.overdue ? 'deadline deadline--overdue' : d.daysLeft <= 7 ? 'deadline deadline--near' : 'deadline'}>
                  <strong>{t(vocabularyLabel('deadlineKind', d.kind))}</strong> {displayDate(d.dueOn, locale)} · <span className="deadline__left">{daysLeftText(d, t)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="move-title" className="panel">
          <h2 id="move-title">{t('workflow.move')}</h2>
          {isClosedStage(flow.stage) ? (
            <p className="empty-state">{t('workflow.closed')}</p>
          ) : flow.mayTransition ? (
            <>
              {(flow.stage === 'promulgation' || flow.stage === 'filing') && <p className="aside">{t(flow.stage === 'promulgation' ? 'publication.moveHint' : 'publication.fileHint')}</p>}
              <MoveForm key={flow.stage} billId={flow.id} stage={flow.stage} choices={choices} defaultCloses={normalClosingDay(todayInChina())} />
            </>
          ) : (
            <p className="aside">{t('workflow.onlyCoordinator')}</p>
          )}
        </section>
      </div>

      {(flow.stage === 'promulgation' || flow.stage === 'filing' || flow.stage === 'done') && <PublicationPanel billId={flow.id} stage={flow.stage} publication={await getBillPublication(getEngine(), user, id)} />}

      <section aria-labelledby="signoffs-title" className="panel">
        <h2 id="signoffs-title">{t('workflow.signoffs')}</h2>
        {flow.signoffs.length === 0 ? (
          <p className="empty-state">{t('workflow.noSignoffs')}</p>
        ) : (
          <ul className="signoffs" data-testid="signoffs">
            {flow.signoffs.map((s) => (
              <li key={s.id}>
                {t('workflow.signoffLine', { stage: stageName(s.stage), reviewer: s.reviewer })} ·{' '}
                {s.decision === null ? t('workflow.signoffPending') : t(vocabularyLabel('signoffDecision', s.decision))}
                {s.decision === 'approve' && <> · {s.used ? t('workflow.signoffUsed') : s.holds ? t('workflow.signoffHolds') : t('workflow.signoffStale')}</>}
                {s.note && <> · {s.note}</>}
              </li>
            ))}
          </ul>
        )}
        {flow.mayTransition && signoffStages.length > 0 && <RequestSignoffForm billId={flow.id} stages={signoffStages.map((s) => ({ stage: s, label: stageName(s) }))} />}
        {flow.decidable.map((stage) => (
          <DecideSignoffForm key={stage} billId={flow.id} stage={stage} label={`${t('workflow.decide')} · ${stageName(stage)}`} />
        ))}
      </section>

      {(flow.stage === 'vote' || flow.votes.length > 0) && (
        <section aria-labelledby="votes-title" className="panel">
          <h2 id="votes-title">{t('workflow.votes')}</h2>
          <ul className="votes" data-testid="votes">
            {flow.votes.map((v) => (
              <li key={v.at}>
                {displayDateTime(new Date(v.at))} ·{' '}
                {t('workflow.voteLine', { for: v.for, against: v.against, abstain: v.abstain, present: v.present, composition: v.composition, result: v.passed ? t('workflow.votePassed') : t('workflow.voteFailed') })}
              </li>
            ))}
          </ul>
          {flow.stage === 'vote' && flow.mayTransition && <VoteForm billId={flow.id} />}
        </section>
      )}

      <section aria-labelledby="attachments-title" className="panel">
        <h2 id="attachments-title">{t('workflow.attachments')}</h2>
        {flow.attachments.length === 0 ? (
          <p className="empty-state">{t('workflow.noAttachments')}</p>
        ) : (
          <ul className="signoffs" data-testid="attachments">
            {flow.attachments.map((a) => {
              const step = flow.history.find((h) => h.id === a.transitionId);
              return (
                <li key={a.id}>
                  <a href={`/api/v1/bills/${flow.id}/attachments/${a.id}`} download>
                    {a.name}
                  </a>{' '}
                  <small className="aside">
                    {formatBytes(a.size)} · {step ? t('workflow.historyLine', { from: stageName(step.from), to: stageName(step.to) }) : t('workflow.attachToBill')} · SHA-256 {a.sha256.slice(0, 12)}…
                  </small>
                </li>
              );
            })}
          </ul>
        )}
        {flow.mayTransition && <AttachForm billId={flow.id} transitions={[...flow.history].reverse().map((h) => ({ id: h.id, label: `${h.seq}. ${t('workflow.historyLine', { from: stageName(h.from), to: stageName(h.to) })}` }))} />}
      </section>

      <section aria-labelledby="history-title" className="panel">
        <h2 id="history-title">{t('workflow.history')}</h2>
        {flow.history.length === 0 ? (
          <p className="empty-state">{t('workflow.noHistory')}</p>
        ) : (
          <ol className="timeline" data-testid="history">
            {flow.history.map((h) => (
              <li key={h.seq}>
                <time dateTime={h.at}>{displayDateTime(new Date(h.at))}</time> · {h.actor ?? '—'} · <strong>{t('workflow.historyLine', { from: stageName(h.from), to: stageName(h.to) })}</strong>
                <p>{h.note}</p>
                {h.reason && (
                  <p className="aside">
                    {t('workflow.reason')}：{h.reason}
                  </p>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
