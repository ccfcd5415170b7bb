import type { Jurisdiction } from '@/lib/library';
import { vocabularyLabel, type Translate } from '@/lib/i18n';

/// How a text stands to the site's city — 本市法规, 上位法 or 外地参考 — with its place; nothing
/// when the site has no city configured.
export function JurisdictionBadge({ jurisdiction: j, t }: { jurisdiction: Jurisdiction; t: Translate }) {
  if (!j.relation) return null;
  const place = j.region ?? t('jurisdiction.level.national');
  return (
    <span className={`badge badge--scope-${j.relation}`} data-testid="jurisdiction" title={place}>
      {t(vocabularyLabel('jurisdictionRelation', j.relation))}
      {j.relation !== 'own' && ` · ${place}`}
    </span>
  );
}
