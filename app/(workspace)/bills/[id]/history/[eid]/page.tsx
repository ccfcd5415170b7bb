import { getEngine } from '@/lib/api';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDraftText } from '@/lib/drafting';
import { articleText, splitLines, tokensToRuns, wordDiff, type MarkedRun } from '@/lib/legal-text';
import { AppError } from '@/lib/errors';
import { articleInForce, getArticleHistory, type ArticleHistoryEntry } from '@/lib/versioning';
import { MarkedLines } from '@/app/_components/versions/MarkedLines';
import { displayDateTime } from '@/app/_lib/library';
import { titledPage } from '@/app/_lib/metadata';
import { openBillPage } from '@/app/_lib/billPage';
import { routeParam } from '@/lib/shared';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string; eid: string }> };

export const generateMetadata = titledPage('history.link');

/// The text of one step, with what changed since the step before marked.
function markedLines(text: string, previous: string | null): MarkedRun[][] {
  return splitLines(previous === null || previous === text ? [{ text }] : tokensToRuns(wordDiff(previous, text)));
}

export default async function ArticleHistoryPage({ params }: Props) {
  const { id, eid: rawEid } = await params;
  const eid = routeParam(rawEid);
  const { user, bill, t } = await openBillPage(id, `/bills/${id}/history/${rawEid}`);
  const current = (await getDraftText(getEngine(), user, bill.draftId)).articles.find((a) => a.eid === eid) ?? null;
  let history: ArticleHistoryEntry[] = [];
  try {
    history = await getArticleHistory(getEngine(), user, bill.draftId, eid);
  } catch (e) {
    if (!(e instanceof AppError && e.code === 'not_found')) throw e;
    if (!current) notFound();
  }
  const label = current?.label ?? [...history].reverse().find((h) => h.label)?.label ?? eid;
  const inForce = bill.regulationId ? await articleInForce(getEngine(), bill.regulationId, eid) : null;
  let previous: string | null = inForce?.text ?? null;
  const steps = history.map((h) => {
    const lines = h.text === null ? null : markedLines(h.text, previous);
    if (h.text !== null) previous = h.text;
    return { h, lines };
  });
  const currentText = current ? articleText(current) : null;
  return (
    <div className="page page--wide workspace history-page">
      <p className="breadcrumb">
        <Link href={`/bills/${bill.id}`}>← {t('history.back')}</Link> · <Link href={`/bills/${bill.id}/versions`}>{t('versions.title')}</Link>
      </p>
      <h1>{t('history.title', { label })}</h1>
      {history.length === 0 && <p className="empty">{t('history.empty')}</p>}
      <ol className="history-list" data-testid="history">
        {inForce && (
          <li className="history-step history-step--in-force">
            <h2>{t('history.inForce')}</h2>
            <p className="aside">{inForce.text === null ? t('history.notInForce') : t('history.inForceNote', { title: inForce.title })}</p>
            {inForce.text !== null && (
              <div className="statute" lang="zh-CN">
                <MarkedLines lines={markedLines(inForce.text, null)} label={inForce.label ?? undefined} />
              </div>
            )}
          </li>
        )}
        {steps.map(({ h, lines }) => (
          <li key={h.versionId} className={`history-step history-step--${h.change}`}>
            <h2>
              {h.versionName} <span className="role-badge">{t('versions.seq', { seq: h.seq })}</span> <span className={`change-badge change-badge--${h.change}`}>{t(`history.change.${h.change}`)}</span>
            </h2>
            <p className="aside">
              {displayDateTime(h.changedAt ?? h.createdAt)}
              {(h.change === 'modified' || (h.change === 'added' && h.authors.length > 0)) && (
                <> · {t('history.by', { names: h.authors.length ? h.authors.map((a) => a.name ?? '—').join('、') : t('history.unknownAuthor') })}</>
              )}
            </p>
            <div className="statute" lang="zh-CN">
              {lines ? <MarkedLines lines={lines} label={h.label ?? undefined} /> : <p className="comparison-absent">{t('history.deletedNote')}</p>}
            </div>
          </li>
        ))}
        {currentText !== null && currentText !== previous && (
          <li className="history-step history-step--current">
            <h2>
              {t('compare.current')} <span className="change-badge change-badge--modified">{t('history.change.modified')}</span>
            </h2>
            <div className="statute" lang="zh-CN">
              <MarkedLines lines={markedLines(currentText, previous)} label={current!.label} />
            </div>
          </li>
        )}
      </ol>
    </div>
  );
}
