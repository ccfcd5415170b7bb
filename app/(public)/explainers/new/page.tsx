import { requirePermission } from '@/app/_lib/session';
import { pageTranslator } from '@/app/_lib/session';
import { titledPage } from '@/app/_lib/metadata';
import { ExplainerForm } from '@/app/_components/explainers/ExplainerForm';
import { vocabularyLabel } from '@/lib/i18n';
import { explainerKinds, todayInChina } from '@/lib/shared';

export const dynamic = 'force-dynamic';

export const generateMetadata = titledPage('explainer.new');

/// Writing a new piece of content (volunteers, drafters, admins).
export default async function NewExplainerPage({ searchParams }: { searchParams: Promise<{ regulation?: string; kind?: string }> }) {
  await requirePermission('explainer:write', '/explainers/new');
  const [{ t }, sp] = await Promise.all([pageTranslator(), searchParams]);
  const kind = (explainerKinds as readonly string[]).includes(sp.kind ?? '') ? sp.kind! : 'interpretation';
  return (
    <div className="page page--wide">
      <h1>{t('explainer.new')}</h1>
      <ExplainerForm
        kinds={explainerKinds.map((k) => ({ value: k, label: t(vocabularyLabel('explainerKind', k)) }))}
        draft={{ kind, title: '', summary: '', body: '', topics: '', regulations: (sp.regulation ?? '').slice(0, 200), asOf: todayInChina(), intendedCitations: [] }}
      />
    </div>
  );
}
