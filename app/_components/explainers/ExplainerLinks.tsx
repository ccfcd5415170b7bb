import Link from 'next/link';
import type { ExplainerRow } from '@/lib/explainers';
import { vocabularyLabel, type Translate } from '@/lib/i18n';

/// The approved content about a regulation or an article, each with its kind, under a heading.
export function ExplainerLinks({ items, t, testId }: { items: Pick<ExplainerRow, 'id' | 'kind' | 'title'>[]; t: Translate; testId: string }) {
  if (items.length === 0) return null;
  return (
    <section className="explainer-links" aria-labelledby={`${testId}-title`} data-testid={testId}>
      <h2 id={`${testId}-title`}>{t('reg.explainers')}</h2>
      <ul>
        {items.map((e) => (
          <li key={e.id}>
            <span className="badge badge--plain">{t(vocabularyLabel('explainerKind', e.kind))}</span> <Link href={`/explainers/${e.id}`}>{e.title}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
