import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getEngine } from '@/lib/api';
import { getExplainer, openCitations } from '@/lib/explainers';
import { vocabularyLabel } from '@/lib/i18n';
import { explainerKinds, routeParam } from '@/lib/shared';
import { ExplainerForm } from '@/app/_components/explainers/ExplainerForm';
import { orNotFound } from '@/app/_lib/library';
import { titledPage } from '@/app/_lib/metadata';
import { pageTranslator, requirePermission } from '@/app/_lib/session';

export const dynamic = 'force-dynamic';

export const generateMetadata = titledPage('explainer.editTitle');

/// Editing one's own piece of content: each save is a new revision; saving approved content
/// takes it back to draft until it is reviewed again.
export default async function EditExplainerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: raw } = await params;
  const id = routeParam(raw);
  const user = await requirePermission('explainer:write', `/explainers/${id}/edit`);
  const { t } = await pageTranslator();
  const e = await orNotFound(() => getExplainer(getEngine(), user, id));
  if (e.authorId !== user.id && user.role !== 'admin') notFound();
  const open = openCitations(e);
  return (
    <div className="page page--wide">
      <p className="breadcrumb">
        <Link href={`/explainers/${e.id}`}>← {e.title}</Link>
      </p>
      <h1>{t('explainer.editTitle')}</h1>
      <p className="aside">
        {t(vocabularyLabel('explainerStatus', e.status))} · {t('explainer.revision', { n: e.revision })}
      </p>
      {e.reviewNote && e.status === 'draft' && <p className="notice">{t('explainer.reviewNoteLine', { note: e.reviewNote })}</p>}
      {open.length > 0 && (
        <p className="notice notice--error" role="status" data-testid="open-citations">
          {t('err.citations_unresolved', { articles: open.join('、') })}
        </p>
      )}
      <ExplainerForm
        kinds={explainerKinds.map((k) => ({ value: k, label: t(vocabularyLabel('explainerKind', k)) }))}
        draft={{ id: e.id, kind: e.kind, title: e.title, summary: e.summary, body: e.body, topics: e.topics.join('、'), regulations: e.regulations.map((r) => r.title).join('\n'), asOf: e.asOf, intendedCitations: e.intendedCitations }}
      />
    </div>
  );
}
